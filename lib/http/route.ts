import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { can, type Action } from "@/lib/auth/permissions";
import { getActor, type Actor } from "@/lib/auth/session";
import { HTTP_STATUS, isAppError } from "@/lib/errors/app-error";

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * SECURITY-CRITICAL. Every authenticated route handler goes through here. No session: 401. A
 * role without the permission: 404, as if the route did not exist (a client viewer never learns
 * which MSP endpoints there are). AppErrors become their status; anything else a logged 500.
 */
export function guardedRoute<C>(permission: Action, handle: (req: Request, actor: Actor, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) return jsonError(401, "Sign in first.");
      if (!can(actor.role, permission)) return jsonError(404, "Not found.");
      if (actor.mfaSetupRequired && permission !== "account:self") return jsonError(403, "Set up two-step verification first.");
      return await handle(req, actor, ctx);
    } catch (error) {
      if (isAppError(error)) {
        return jsonError(HTTP_STATUS[error.code], error.code === "NOT_FOUND" ? "Not found." : error.message, error.fieldErrors ? { fieldErrors: error.fieldErrors } : {});
      }
      const requestId = randomUUID();
      console.error(`[vetta] request ${requestId} failed`, error);
      return jsonError(500, "Something went wrong on our side.", { requestId });
    }
  };
}
