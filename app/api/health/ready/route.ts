import { NextResponse } from "next/server";
import { RETRY_AFTER_SECONDS } from "@/lib/errors/database-unavailable";
import { checkReadiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

/** Readiness for load balancers: 200 when the database, evidence storage and a job worker all answer; else 503 saying which. */
export async function GET() {
  const r = await checkReadiness();
  const body = {
    status: r.ready ? "ready" : "not ready",
    database: r.database.ok ? "up" : "down",
    databaseLatencyMs: r.database.latencyMs,
    storage: r.storage.ok ? "up" : "down",
    worker: r.worker.ok ? "up" : "down",
    workerSecondsSinceBeat: r.worker.secondsSinceBeat,
  };
  return NextResponse.json(body, { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store", ...(r.ready ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }) } });
}
