import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/config/server-env";
import { scrapeMetrics } from "@/lib/observability/scrape";

export const dynamic = "force-dynamic";

function tokenMatches(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics, for a scraper holding VETTA_METRICS_TOKEN (Authorization: Bearer TOKEN).
 * Without the variable the endpoint does not exist (404); a wrong or missing token is 401.
 */
export async function GET(req: Request) {
  const expected = serverEnv.metricsToken();
  if (!expected) return new Response("Not found.\n", { status: 404, headers: { "Cache-Control": "no-store" } });
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  if (!tokenMatches(given, expected)) return new Response("Unauthorized.\n", { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": 'Bearer realm="metrics"' } });
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
