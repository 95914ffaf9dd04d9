import "server-only";
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { authenticateApiToken, type ApiCaller } from "@/lib/db/api-tokens";
import { grants } from "@/lib/domain/api/scopes";
import { fieldErrorsOf } from "../action-result";
import { describeFailure } from "../failure";
import { findNulText, NUL_MESSAGE } from "../refuse-bad-text";
import { REQUEST_ID_HEADER, saneRequestId } from "../request-id";
import type { ApiOperation } from "./operations";

export type ApiErrorCode = "invalid_request" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "payload_too_large" | "rate_limited" | "unavailable" | "internal";

const CODE_OF_STATUS: Record<number, ApiErrorCode> = { 400: "invalid_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 409: "conflict", 413: "payload_too_large", 429: "rate_limited", 503: "unavailable" };
const MAX_BODY_BYTES = 256 * 1024;

/** The one error shape of /api/v1: `{ error: { code, message, fields } }`. */
export function apiError(status: number, message: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const code = CODE_OF_STATUS[status] ?? "internal";
  return NextResponse.json({ error: { code, message, fields } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

class ApiInputError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A JSON body, refused (not mangled) when it is too large, not UTF-8, not JSON, or holds a NUL. */
async function readJsonBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiInputError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw new ApiInputError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiInputError(400, "body: not valid UTF-8.", { body: "Not valid UTF-8." });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiInputError(400, "body: not valid JSON.", { body: "Not valid JSON." });
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ApiInputError(400, "body: send a JSON object.", { body: "Send a JSON object." });
  const nulAt = findNulText(body);
  if (nulAt !== null) throw new ApiInputError(400, `${nulAt}: ${NUL_MESSAGE}`, { [nulAt]: NUL_MESSAGE });
  return body;
}

function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } }, value: unknown, prefix = ""): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => [prefix + k, v]));
  const first = Object.entries(fields)[0];
  throw new ApiInputError(400, first ? `${first[0]}: ${first[1]}` : "The request is invalid.", fields);
}

export interface ApiRequest {
  caller: ApiCaller;
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The JSON body (an object, NUL-free), for POST and PATCH. */
  body: Record<string, unknown>;
  /** Validates a merged PATCH body with the operation's schema; errors name the field. */
  parseBody<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } }, value: unknown): T;
}

const weakEtag = (json: string) => `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;

/**
 * SECURITY-CRITICAL. Every /api/v1 route runs through here: bearer token → (atomic) rate limit →
 * scope → path and query parsed with the operation's schemas → the handler → the response checked
 * against the operation's schema (a mismatch is our bug: a logged 500, never a body the document
 * does not describe). Cookies are never read: a browser session cannot drive the API, so the API
 * needs no CSRF defence, and a client viewer's session never reaches it. The tenant is the
 * token's; a record of another organisation answers 404 like one that does not exist.
 */
export function apiRoute<P>(op: ApiOperation, handle: (req: ApiRequest) => Promise<unknown>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = saneRequestId(req.headers.get(REQUEST_ID_HEADER));
    try {
      const header = req.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) return apiError(401, "Send an API token: Authorization: Bearer vetta_…", {}, { "WWW-Authenticate": 'Bearer realm="vetta"' });
      const auth = await authenticateApiToken(match[1]!, clientIpFrom(req.headers));
      if (!auth.ok && auth.reason === "rate-limited") return apiError(429, "Too many requests for this token; wait and try again.", {}, { "Retry-After": String(auth.retryAfterSeconds) });
      if (!auth.ok) return apiError(401, "This token is unknown, revoked or expired.", {}, { "WWW-Authenticate": 'Bearer realm="vetta", error="invalid_token"' });
      const caller = auth.caller;
      if (!grants(caller.scopes, op.scope)) return apiError(403, `This token lacks the scope ${op.scope}.`);

      const rawParams = ((await ctx.params) ?? {}) as Record<string, string>;
      const url = new URL(req.url);
      const rawQuery = Object.fromEntries(url.searchParams.entries());
      const nulAt = findNulText(rawQuery) ?? findNulText(rawParams);
      if (nulAt !== null) return apiError(400, `${nulAt}: ${NUL_MESSAGE}`, { [nulAt]: NUL_MESSAGE });
      const params = op.params ? (parseOrThrow(op.params, rawParams) as Record<string, string>) : {};
      const query = op.query ? (parseOrThrow(op.query, rawQuery) as Record<string, unknown>) : {};
      const body = op.method === "GET" ? {} : ((await readJsonBody(req)) as Record<string, unknown>);

      const result = await handle({ caller, params, query, body, parseBody: (schema, value) => parseOrThrow(schema, value) });
      if (op.binary) {
        if (!(result instanceof Response)) throw new Error(`${op.operationId}: a file operation must answer with a Response`);
        return result;
      }
      const checked = op.response.safeParse(result);
      if (!checked.success) throw new Error(`${op.operationId}: response does not match its schema: ${checked.error.message}`);
      const json = JSON.stringify(checked.data);
      const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-cache" };
      if (op.method === "GET") {
        const etag = weakEtag(json);
        headers.ETag = etag;
        const ifNoneMatch = req.headers.get("if-none-match");
        if (ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === "*")) return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "private, no-cache" } });
      }
      return new Response(json, { status: op.status, headers });
    } catch (error) {
      if (error instanceof ApiInputError) return apiError(error.status, error.message, error.fields);
      const failure = describeFailure(error, requestId);
      return apiError(failure.status, failure.status === 404 ? "No such record." : failure.message, failure.fieldErrors ?? {}, failure.retryAfterSeconds ? { "Retry-After": String(failure.retryAfterSeconds) } : {});
    }
  };
}
