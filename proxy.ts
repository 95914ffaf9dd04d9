import type { NextRequest } from "next/server";
import { withSecurityHeaders } from "@/lib/http/apply-security-headers";

/** Runs before every request but Next's static files: security headers (lib/http/apply-security-headers). */
export function proxy(request: NextRequest) {
  return withSecurityHeaders(request);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
