import "server-only";
import type { z } from "zod";
import { can, type Action } from "@/lib/auth/permissions";
import { getActor, type Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf, type ActionResult } from "./action-result";
import { toFailure } from "./failure";
import { findNulText, NUL_MESSAGE } from "./refuse-bad-text";

/** A permission the action needs beyond its own, for some inputs (granting an exception while deciding). */
export interface ExtraPermission<I> {
  permission: Action;
  /** Only for inputs where this holds; always when left out. */
  when?: (input: I) => boolean;
  /** What the user reads when they lack it. */
  message?: string;
}

export interface GuardedActionOptions<I> {
  requires?: ExtraPermission<I>[];
}

const NO_PERMISSION = "You do not have permission to do that.";

/**
 * SECURITY-CRITICAL. Every server action is declared through here, once:
 *   export const createVendorAction = guardedAction(vendorInput, "vendor:write", async (actor, input) => …)
 * session → permission → NUL check → parse (the same zod schema the form uses) → extra
 * permissions → run. The tenant comes from the session, never from the input. The result is an
 * async function, which is all a "use server" file may export (Next checks `typeof` at runtime).
 */
export function guardedAction<S extends z.ZodType, T>(
  schema: S,
  permission: Action,
  run: (actor: Actor, input: z.infer<S>) => Promise<T>,
  options: GuardedActionOptions<z.infer<S>> = {},
): (raw?: unknown) => Promise<ActionResult<T>> {
  return async (raw?: unknown) => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      if (!can(actor.role, permission)) throw new AppError("FORBIDDEN", NO_PERMISSION);
      if (actor.mfaSetupRequired && permission !== "account:self") throw new AppError("FORBIDDEN", "Set up two-step verification first (Account security).");
      const nulAt = findNulText(raw);
      if (nulAt !== null) return { ok: false, error: `${nulAt}: ${NUL_MESSAGE}`, fieldErrors: { [nulAt]: NUL_MESSAGE } };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
      for (const extra of options.requires ?? []) {
        if ((extra.when?.(parsed.data) ?? true) && !can(actor.role, extra.permission)) throw new AppError("FORBIDDEN", extra.message ?? NO_PERMISSION);
      }
      return { ok: true, data: await run(actor, parsed.data) };
    } catch (error) {
      return toFailure(error);
    }
  };
}
