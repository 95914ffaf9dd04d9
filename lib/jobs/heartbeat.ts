import "server-only";
import { hostname } from "node:os";
import { beatWorker } from "@/lib/db/ops-status";

export const HEARTBEAT_SECONDS = 10;

/** The worker says it is alive every 10 s (what /api/health/ready checks); returns a stop function. */
export function startHeartbeat(id = `${hostname()}:${process.pid}`) {
  const beat = () => beatWorker(id).catch(() => {}); // a missed beat is what readiness reports
  void beat();
  const timer = setInterval(beat, HEARTBEAT_SECONDS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
