import "server-only";
import { cookies, headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { openVendorLink, VENDOR_COOKIE } from "@/lib/auth/vendor-link-access";
import type { LinkRequest, Visitor } from "@/lib/db/vendor-request-link";
import { AppError } from "@/lib/errors/app-error";

/** Who is calling, as Vetta's own server recorded it (never a header the client chose). */
export async function currentVisitor(): Promise<Visitor> {
  const h = await headers();
  return { ip: clientIpFrom(h), userAgent: h.get("user-agent") };
}

/**
 * SECURITY-CRITICAL. The live request behind a token for an action or route through the link, or
 * an AppError: NOT_FOUND for unknown, revoked and expired links (and a passcode not yet entered),
 * RATE_LIMITED when the caller's address spent its budget.
 */
export async function requireVendorLink(token: string): Promise<{ request: LinkRequest; visitor: Visitor }> {
  const visitor = await currentVisitor();
  const opened = await openVendorLink(token, visitor, (await cookies()).get(VENDOR_COOKIE)?.value);
  if (opened.state === "THROTTLED") throw new AppError("RATE_LIMITED", "Too many requests from your network. Try again in 15 minutes.");
  if (opened.state !== "OK") throw new AppError("NOT_FOUND", "This link does not work.");
  return { request: opened.request, visitor };
}
