"use client";

import { useEffect, useRef, useState } from "react";

export interface DataTableFilter {
  /** The URL parameter (and ListQueryOptions.filters key) this filter writes. */
  id: string;
  label: string;
  options: Array<{ value: string; label: string }>;
}

/**
 * A multi-select filter in a native disclosure (`<details>`): the summary is a keyboard-operable
 * toggle, the options are a labelled group of checkboxes. Escape or a click outside closes it.
 */
export function FilterMenu({ filter, selected, onChange }: { filter: DataTableFilter; selected: readonly string[]; onChange: (values: string[]) => void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const count = selected.length;
  const chosen = filter.options.filter((o) => selected.includes(o.value)).map((o) => o.label);

  return (
    <details
      ref={ref}
      className="relative"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && e.currentTarget.open) {
          e.preventDefault();
          e.currentTarget.open = false;
          e.currentTarget.querySelector("summary")?.focus();
        }
      }}
    >
      <summary
        className={`flex cursor-pointer list-none items-center gap-1.5 rounded-md border bg-white px-3 py-2 text-sm shadow-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden ${
          count ? "border-brand-600 text-brand-700" : "border-slate-300 text-slate-700"
        }`}
        aria-label={count ? `${filter.label}: ${chosen.join(", ")}` : `${filter.label}: any`}
      >
        <span>{filter.label}</span>
        {count ? (
          <span aria-hidden="true" className="rounded-full bg-brand-100 px-1.5 text-xs font-medium text-brand-900">
            {count}
          </span>
        ) : null}
        <span aria-hidden="true" className="text-xs text-slate-400">
          ▾
        </span>
      </summary>
      <fieldset className="absolute left-0 z-20 mt-1 max-h-80 min-w-56 overflow-y-auto rounded-md border border-slate-200 bg-white p-1.5 shadow-lg">
        <legend className="sr-only">{filter.label}</legend>
        {filter.options.map((option) => (
          <label key={option.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 accent-brand-600"
              checked={selected.includes(option.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, option.value] : selected.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
        {count ? (
          <button type="button" className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm text-brand-700 hover:bg-brand-50" onClick={() => onChange([])}>
            Clear {filter.label.toLowerCase()}
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
