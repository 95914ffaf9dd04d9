import type { UseFormRegisterReturn } from "react-hook-form";

/** A labelled group of checkboxes for a multi-valued field (one registration shared by all boxes). */
export function CheckboxGroup({ legend, options, registration, error, hint }: { legend: string; options: Array<{ value: string; label: string }>; registration: UseFormRegisterReturn; error?: string; hint?: string }) {
  const errorId = `${registration.name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 block text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" value={o.value} className="h-4 w-4 rounded border-slate-300" {...registration} />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </fieldset>
  );
}
