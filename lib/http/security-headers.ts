/**
 * SECURITY-CRITICAL. The Content-Security-Policy and HSTS headers proxy.ts puts on responses.
 * Pure functions (no Next imports) so the policy is unit-tested as text.
 *
 * Scripts run only with this request's nonce ('strict-dynamic' lets those scripts load Next's
 * chunks); no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': React style props are
 * inline styles, and a style cannot run code. Next reads the nonce from the CSP request header
 * while rendering, which needs dynamic rendering: the root layout reads headers() for that.
 */

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageCsp(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Route handlers answer data (JSON, CSV, PDF, ICS), never a page: nothing in them may load or be
 * framed. (No `sandbox` here: Chromium's PDF viewer will not open a sandboxed PDF.)
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Routes that set their own Content-Security-Policy, which must reach the browser unchanged (the
 * evidence download serves untrusted files under `default-src 'none'; sandbox`).
 */
export function keepsOwnCsp(pathname: string): boolean {
  return pathname.startsWith("/api/files/");
}

/** Two years, subdomains included: the value HSTS preload lists ask for. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Set by Vetta's own server (scripts/server.ts) on every request, overwriting anything a client
 * sent: "https" when the request reached Vetta over TLS. Next's request URL cannot be used for
 * this: it takes its protocol from X-Forwarded-Proto, which any client can send.
 */
export const TLS_HEADER = "x-vetta-transport";

/**
 * Whether a request travels over TLS: its socket is TLS, or, with VETTA_TRUST_PROXY=1 (a TLS proxy
 * you run in front of Vetta), that proxy says so in X-Forwarded-Proto. Without the setting the
 * header is something anyone can send, and is ignored.
 */
export function servedOverTls(input: { socketTls: boolean; forwardedProto: string | null | undefined; trustProxy: boolean }): boolean {
  if (input.socketTls) return true;
  if (!input.trustProxy || !input.forwardedProto) return false;
  // A chain of proxies lists one value each; the first is what the browser used.
  return input.forwardedProto.split(",")[0]!.trim().toLowerCase() === "https";
}
