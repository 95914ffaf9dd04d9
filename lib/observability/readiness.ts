import "server-only";
import { checkDatabase } from "@/lib/db/health";
import { secondsSinceWorkerBeat } from "@/lib/db/ops-status";
import { checkStorage } from "@/lib/files/storage-health";

/** A worker that has not beaten for this long is gone (it beats every 10 s). */
export const WORKER_STALE_SECONDS = 60;

export interface Readiness {
  ready: boolean;
  database: { ok: boolean; latencyMs: number; error?: string };
  storage: { ok: boolean; error?: string };
  worker: { ok: boolean; secondsSinceBeat: number | null };
}

/** Readiness: the database answers, evidence storage takes a write and a read, a job worker is alive. */
export async function checkReadiness(): Promise<Readiness> {
  const [database, storage] = await Promise.all([checkDatabase(), checkStorage()]);
  let secondsSinceBeat: number | null = null;
  if (database.ok) secondsSinceBeat = await secondsSinceWorkerBeat().catch(() => null);
  const worker = { ok: secondsSinceBeat !== null && secondsSinceBeat < WORKER_STALE_SECONDS, secondsSinceBeat: secondsSinceBeat === null ? null : Math.round(secondsSinceBeat) };
  return { ready: database.ok && storage.ok && worker.ok, database, storage, worker };
}
