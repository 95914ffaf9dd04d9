import { z } from "zod";

/**
 * Control characters (C0 except tab, line feed and carriage return; DEL; C1) have no place in
 * what people type. In a name they break CSV and calendar exports and hide text in the UI, so
 * names refuse them; NUL is refused in every field (lib/http) because PostgreSQL cannot store it.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const NO_CONTROL_MESSAGE = "Remove the control characters (line breaks, tabs and the like).";

/** A one-line name or title: trimmed, required, at most `max` characters, no control characters. */
export function nameText(requiredMessage: string, max: number) {
  return z
    .string({ error: requiredMessage })
    .trim()
    .min(1, requiredMessage)
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !CONTROL.test(value), NO_CONTROL_MESSAGE);
}

/** A multi-line text: line breaks and tabs allowed, other control characters not. */
export function hasOnlyTextControls(value: string): boolean {
  return !CONTROL_EXCEPT_LINES.test(value);
}

export function isFreeOfControls(value: string): boolean {
  return !CONTROL.test(value);
}
