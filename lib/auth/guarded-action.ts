import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { can, type Action } from "./permissions";
import { getActor, type Actor } from "./session";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; requestId?: string };

/** zod issues → one message per field path ("contacts.0.email"), first issue wins. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** Turns anything thrown into a result the form can show; unexpected errors are logged with an id. */
export function toFailure(error: unknown): ActionResult<never> {
  if (isAppError(error)) {
    if (error.code === "NOT_FOUND") return { ok: false, error: "That record does not exist." };
    return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  }
  const requestId = randomUUID();
  console.error(`[vetta] request ${requestId} failed`, error);
  return { ok: false, error: `Something went wrong on our side. Reference: ${requestId}`, requestId };
}

/**
 * SECURITY-CRITICAL. Every server action goes through here: session → permission → parse → run.
 * The input is parsed with the same zod schema the form uses; the tenant comes from the session.
 */
export function guardedAction<S extends z.ZodType, T>(
  permission: Action,
  schema: S,
  run: (actor: Actor, input: z.infer<S>) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      if (!can(actor.role, permission)) throw new AppError("FORBIDDEN", "You do not have permission to do that.");
      if (actor.mfaSetupRequired && permission !== "account:self") throw new AppError("FORBIDDEN", "Set up two-step verification first (Account security).");
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      return { ok: true, data: await run(actor, parsed.data) };
    } catch (error) {
      return toFailure(error);
    }
  };
}
