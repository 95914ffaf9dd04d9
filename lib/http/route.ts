import "server-only";
import { NextResponse } from "next/server";
import { can, type Action } from "@/lib/auth/permissions";
import { getActor, type Actor } from "@/lib/auth/session";
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from "@/lib/errors/database-unavailable";
import { describeFailure } from "./failure";
import { findNulText, NUL_MESSAGE } from "./refuse-bad-text";
import { REQUEST_ID_HEADER, saneRequestId } from "./request-id";

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return NextResponse.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** A database that is down, frozen or out of connections: 503 with Retry-After, never a 500. */
export function databaseUnavailable() {
  return jsonError(503, DATABASE_UNAVAILABLE_MESSAGE, {}, { "Retry-After": String(RETRY_AFTER_SECONDS) });
}

/**
 * A NUL in the query or a path segment can never name a record and would fail in PostgreSQL:
 * refused here with the field's name (400) before any handler runs.
 */
export async function refuseNulInRequest(req: Request, ctx: unknown): Promise<Response | null> {
  const query = Object.fromEntries(new URL(req.url).searchParams.entries());
  const params = await ((ctx as { params?: unknown } | undefined)?.params ?? {});
  const at = findNulText(query) ?? findNulText(params);
  return at === null ? null : jsonError(400, `${at}: ${NUL_MESSAGE}`, { fieldErrors: { [at]: NUL_MESSAGE } });
}

/** Anything thrown in a route handler, as a JSON answer: the shared mapping in ./failure. */
export function failureResponse(error: unknown, requestId: string | null = null): Response {
  const failure = describeFailure(error, requestId);
  const message = failure.status === 404 ? "Not found." : failure.status === 500 ? "Something went wrong on our side." : failure.message;
  return jsonError(
    failure.status,
    message,
    { ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}), ...(failure.requestId ? { requestId: failure.requestId } : {}) },
    failure.retryAfterSeconds ? { "Retry-After": String(failure.retryAfterSeconds) } : {},
  );
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
      const refused = await refuseNulInRequest(req, ctx);
      if (refused) return refused;
      return await handle(req, actor, ctx);
    } catch (error) {
      // The id scripts/server.ts put on the request, so the JSON's requestId is the one logged.
      return failureResponse(error, saneRequestId(req.headers.get(REQUEST_ID_HEADER)));
    }
  };
}
