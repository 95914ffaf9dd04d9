import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Database status for load balancers and monitoring (kept for existing checks; see /api/health/live and /ready). No secrets, no auth. */
export async function GET() {
  const database = await checkDatabase();
  const body = { status: database.ok ? "ok" : "degraded", database: database.ok ? "up" : "down", latencyMs: database.latencyMs };
  return NextResponse.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store", ...(database.ok ? {} : { "Retry-After": "5" }) } });
}
