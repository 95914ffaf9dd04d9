/**
 * The id that ties one request's log lines to the "Reference: …" a user may read out to support.
 * scripts/server.ts assigns it (or, behind a trusted proxy, accepts the proxy's X-Request-Id) and
 * passes it to Next as the `x-request-id` request header; lib/http/failure.ts reads it back.
 * No "server-only" import: scripts/server.ts runs outside the react-server build.
 */
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

/** Short and plain, so an id taken from a header cannot forge or break a log line. */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function saneRequestId(value: string | string[] | null | undefined): string | null {
  const one = Array.isArray(value) ? value[0] : value;
  return one && SANE_ID.test(one) ? one : null;
}

/** The id for a request arriving at the server: the incoming one only when the proxy is trusted. */
export function assignRequestId(incoming: string | string[] | undefined, trustProxy: boolean): string {
  return (trustProxy ? saneRequestId(incoming) : null) ?? randomUUID();
}

export function newRequestId(): string {
  return randomUUID();
}
