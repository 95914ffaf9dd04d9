import { z } from "zod";

/** "YYYY-MM-DD" (what <input type="date"> sends) → a UTC-midnight Date; "" → null. */
export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a date.`)
        .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `Enter ${label} as a real date.`)
        .transform((s) => new Date(`${s}T00:00:00Z`))
        .nullable(),
    );

export const requiredDate = (label: string) =>
  optionalDate(label).refine((d): d is Date => d !== null, `Enter ${label}.`);

/** A Date (UTC midnight) back to what a date input shows. */
export function toDateInput(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : "";
}
