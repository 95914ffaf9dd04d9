import { serverEnv } from "@/lib/config/server-env";
import { calendarFeedForToken } from "@/lib/db/calendar-feeds";

/**
 * SECURITY-CRITICAL. The public ICS feed: the secret token in the path is the only credential.
 * An unknown, revoked or malformed token gets the same plain 404 as a path that never existed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = await calendarFeedForToken(token.replace(/\.ics$/, ""), serverEnv.publicUrl());
  const headers = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };
  if (ics === null) return new Response("Not found", { status: 404, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(ics, { headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="vetta-renewals.ics"' } });
}
