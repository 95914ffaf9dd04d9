import { NextResponse, type NextRequest } from "next/server";
import { API_CSP, HSTS, keepsOwnCsp, newNonce, pageCsp, TLS_HEADER } from "./security-headers";

/**
 * SECURITY-CRITICAL. proxy.ts's header step, kept in its own file: pages get a nonce-based CSP
 * (on the request too, where Next reads the nonce to put on its own scripts, plus `x-nonce` for
 * any script of ours), route handlers a policy under which nothing runs, the evidence download
 * keeps its own sandbox policy, and HSTS is added when the request came over TLS (as scripts/server.ts found out).
 */
export function withSecurityHeaders(request: NextRequest, requestHeaders: Headers = new Headers(request.headers)): NextResponse {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  let csp: string | null = null;
  if (!isApi) {
    const nonce = newNonce();
    csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  } else if (!keepsOwnCsp(pathname)) {
    csp = API_CSP;
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (csp) response.headers.set("Content-Security-Policy", csp);
  if (request.headers.get(TLS_HEADER) === "https") response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}
