import "server-only";
import { AppError } from "@/lib/errors/app-error";

/**
 * SECURITY-CRITICAL. CSRF guard for cookie-authenticated POST route handlers that a page calls
 * itself (server actions get the same check from Next). A browser always says where a POST comes
 * from: `Sec-Fetch-Site` in current browsers, `Origin` in all of them. The request must come from
 * this very site; a request that says neither is refused, since only a browser carries the cookie.
 */
export function assertSameOrigin(req: Request) {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") throw new AppError("FORBIDDEN", "Cross-site requests are refused.");
  const origin = req.headers.get("origin");
  if (!origin) {
    if (site === "same-origin") return;
    throw new AppError("FORBIDDEN", "Cross-site requests are refused.");
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", "Cross-site requests are refused.");
  }
  // The Host the browser addressed (behind a proxy that rewrites it, the forwarded one).
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host") || new URL(req.url).host;
  if (originHost !== host) throw new AppError("FORBIDDEN", "Cross-site requests are refused.");
}
