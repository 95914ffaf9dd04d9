import { forwardRef, useId, type TextareaHTMLAttributes } from "react";

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: string }>(
  function TextAreaField({ label, error, hint, id, className = "", rows = 3, ...props }, ref) {
    const generated = useId();
    const fieldId = id ?? generated;
    return (
      <div className={className}>
        <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-slate-700">
          {label}
        </label>
        <textarea
          ref={ref}
          id={fieldId}
          rows={rows}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-500"
          {...props}
        />
        {error ? (
          <p id={`${fieldId}-error`} className="mt-1 text-sm text-red-600">
            {error}
          </p>
        ) : hint ? (
          <p id={`${fieldId}-hint`} className="mt-1 text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    );
  },
);
