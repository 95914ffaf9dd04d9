"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/**
 * The conditions of an approval with conditions, each a text and a due date, as both decision
 * forms (product-level and per use case) ask for them. The form owns the field array; this draws it.
 */
export function ConditionsFieldset({
  rows,
  error,
  fieldErrors,
  register,
  onAdd,
  onRemove,
}: {
  rows: Array<{ id: string }>;
  /** The error on the list as a whole ("add at least one condition"). */
  error?: string;
  fieldErrors: (index: number) => { text?: string; dueAt?: string };
  register: (index: number) => { text: UseFormRegisterReturn; dueAt: UseFormRegisterReturn };
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Conditions</legend>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {rows.map((row, i) => (
        <div key={row.id} className="grid gap-2 sm:grid-cols-[1fr_10rem_auto]">
          <TextField label={`Condition ${i + 1}`} error={fieldErrors(i).text} {...register(i).text} />
          <TextField label="Due" type="date" error={fieldErrors(i).dueAt} {...register(i).dueAt} />
          <Button variant="ghost" className="self-end" onClick={() => onRemove(i)}>
            Remove
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={onAdd}>
        Add condition
      </Button>
    </fieldset>
  );
}
