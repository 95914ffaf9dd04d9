import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Puts the server's per-field messages on the form's fields, so they show where they belong. */
export function applyFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: Record<string, string> | undefined): void {
  for (const [field, message] of Object.entries(fieldErrors ?? {})) {
    if (field !== "_form") setError(field as Path<T>, { type: "server", message });
  }
}
