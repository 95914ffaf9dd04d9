import type { z } from "zod";

/**
 * What every server action answers. Plain data, so client components import the type too.
 * `requestId` is set on unexpected failures: the reference the user can quote.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; requestId?: string };

/** zod issues → one message per field path ("contacts.0.email"), first issue wins. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
