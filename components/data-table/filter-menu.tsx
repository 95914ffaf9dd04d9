"use client";

export interface FilterDef {
  id: string;
  label: string;
  options: Array<{ value: string; label: string }>;
}

/** A disclosure of checkboxes: keyboard-usable without any script beyond the change handler. */
export function FilterMenu({ filter, selected, onChange }: { filter: FilterDef; selected: string[]; onChange: (values: string[]) => void }) {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
        {filter.label}
        {selected.length ? <span className="ml-1 rounded-full bg-brand-100 px-1.5 text-xs text-brand-900">{selected.length}</span> : null} ▾
      </summary>
      <fieldset className="absolute z-10 mt-1 min-w-52 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <legend className="sr-only">{filter.label}</legend>
        {filter.options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, option.value] : selected.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
