import "server-only";
import { headers } from "next/headers";
import { uniqueViolationFields } from "@/lib/db/unique-violation";
import { HTTP_STATUS, isAppError } from "@/lib/errors/app-error";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/errors/database-unavailable";
import { logger } from "@/lib/log/logger";
import type { ActionResult } from "./action-result";
import { newRequestId, REQUEST_ID_HEADER, saneRequestId } from "./request-id";

export interface Failure {
  status: number;
  message: string;
  fieldErrors?: Record<string, string>;
  /** Only for unexpected failures: the id the log line carries and the user is shown. */
  requestId?: string;
  /** Set for 503: when to try again. */
  retryAfterSeconds?: number;
}

/**
 * The one place a thrown error becomes what the caller sees. Expected errors (AppError) keep
 * their words; a unique-key collision (two saves of the same value at once) is a CONFLICT that
 * names the field; a database that cannot answer is 503; anything else is logged under the
 * request's id (scripts/server.ts assigns it; a fresh one when there is none) and shown only as that id.
 */
export function describeFailure(error: unknown, requestId: string | null = null): Failure {
  if (isAppError(error)) {
    if (error.code === "NOT_FOUND") return { status: 404, message: "That record does not exist." };
    return { status: HTTP_STATUS[error.code], message: error.message, fieldErrors: error.fieldErrors };
  }
  const fields = uniqueViolationFields(error);
  if (fields) {
    const fieldErrors = Object.fromEntries(fields.map((field) => [field, "Already in use."]));
    return { status: 409, message: `${fields.join(", ")}: already in use. Someone may have just saved the same value; reload and try again.`, fieldErrors };
  }
  // The database down, frozen or out of connections: 503 with Retry-After, never a 500.
  if (isDatabaseUnavailable(error)) return { status: 503, message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSeconds: RETRY_AFTER_SECONDS };
  const id = requestId ?? newRequestId();
  logger.error({ err: error, requestId: id }, "unexpected error");
  return { status: 500, message: `Something went wrong on our side. Reference: ${id}`, requestId: id };
}

/** The id scripts/server.ts gave this request, inside a request; null elsewhere (a script, a test, the dev server). */
export async function currentRequestId(): Promise<string | null> {
  try {
    return saneRequestId((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    return null;
  }
}

/** Anything thrown inside an action, as the result the form shows. */
export async function toFailure(error: unknown): Promise<ActionResult<never>> {
  const failure = describeFailure(error, await currentRequestId());
  return { ok: false, error: failure.message, ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}), ...(failure.requestId ? { requestId: failure.requestId } : {}) };
}
