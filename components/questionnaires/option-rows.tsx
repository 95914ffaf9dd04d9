"use client";

import { useFieldArray, type Control, type UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import type { templateSchema } from "@/lib/validation/questionnaire-template";

type Form = z.input<typeof templateSchema>;
const input = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

/**
 * A choice question's options as rows (value, label, points), added and removed one by one.
 * Yes/no keeps its two values (answers and rules refer to them); only labels and points change.
 */
export function OptionRows({ control, register, base, fixedValues, errors }: { control: Control<Form>; register: UseFormRegister<Form>; base: `sections.${number}.questions.${number}`; fixedValues: boolean; errors: Record<string, string> }) {
  const { fields, append, remove } = useFieldArray({ control, name: `${base}.options` as `sections.0.questions.0.options` });
  const listError = errors[`${base}.options`];
  const fieldError = (i: number, f: string) => errors[`${base}.options.${i}.${f}`];
  return (
    <fieldset className="sm:col-span-2" aria-describedby={listError ? `${base}-options-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">Options</legend>
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="pb-1 pr-2 font-medium">Value (stored)</th>
            <th scope="col" className="pb-1 pr-2 font-medium">Label (shown)</th>
            <th scope="col" className="w-20 pb-1 pr-2 font-medium">Points</th>
            <th scope="col" className="sr-only">Remove</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => (
            <tr key={f.id} data-testid={`option-row-${i}`} className="align-top">
              <td className="pb-1 pr-2">
                <input aria-label={`Option ${i + 1} value`} readOnly={fixedValues} aria-invalid={fieldError(i, "value") ? true : undefined} className={`${input} ${fixedValues ? "bg-slate-100" : ""}`} {...register(`${base}.options.${i}.value` as `sections.0.questions.0.options.0.value`)} />
                {fieldError(i, "value") ? <p className="text-xs text-red-700">{fieldError(i, "value")}</p> : null}
              </td>
              <td className="pb-1 pr-2">
                <input aria-label={`Option ${i + 1} label`} aria-invalid={fieldError(i, "label") ? true : undefined} className={input} {...register(`${base}.options.${i}.label` as `sections.0.questions.0.options.0.label`)} />
                {fieldError(i, "label") ? <p className="text-xs text-red-700">{fieldError(i, "label")}</p> : null}
              </td>
              <td className="pb-1 pr-2">
                <input
                  aria-label={`Option ${i + 1} points`}
                  type="number"
                  min={0}
                  max={100}
                  aria-invalid={fieldError(i, "points") ? true : undefined}
                  className={input}
                  {...register(`${base}.options.${i}.points` as `sections.0.questions.0.options.0.points`, { valueAsNumber: true })}
                />
                {fieldError(i, "points") ? <p className="text-xs text-red-700">{fieldError(i, "points")}</p> : null}
              </td>
              <td className="pb-1">
                {fixedValues ? null : (
                  <Button variant="ghost" className="text-red-700" aria-label={`Remove option ${i + 1}`} onClick={() => remove(i)}>
                    ✕
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {listError ? (
        <p id={`${base}-options-error`} className="mt-1 text-sm text-red-600">
          {listError}
        </p>
      ) : null}
      {fixedValues ? null : (
        <Button variant="secondary" className="mt-1" onClick={() => append({ value: `option_${fields.length + 1}`, label: "", points: 0 })}>
          Add option
        </Button>
      )}
    </fieldset>
  );
}
