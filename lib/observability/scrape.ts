import "server-only";
import { auditSealingLag } from "@/lib/db/audit";
import { jobQueueStats, outboxLag, poolStats } from "@/lib/db/ops-status";
import { metrics, setGauge } from "./metrics";
import { logger } from "@/lib/log/logger";

/** Reads the gauges that live in the database and the pool, then renders every metric. */
export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  const pool = poolStats();
  if (pool) {
    setGauge("vetta_db_pool_max", "Database pool size (VETTA_DB_POOL_SIZE)", pool.max);
    setGauge("vetta_db_pool_in_use", "Database connections checked out", pool.inUse);
    setGauge("vetta_db_pool_idle", "Database connections open and idle", pool.idle);
    setGauge("vetta_db_pool_waiting", "Requests waiting for a database connection", pool.waiting);
  }
  let up = 1;
  try {
    for (const q of await jobQueueStats()) {
      setGauge("vetta_job_queue_depth", "Jobs waiting to run, by queue", q.waiting, { queue: q.queue });
      setGauge("vetta_job_queue_oldest_seconds", "Age of the oldest waiting job, by queue", q.oldestSeconds, { queue: q.queue });
    }
    const outbox = await outboxLag();
    setGauge("vetta_outbox_waiting", "E-mails waiting to be sent", outbox.waiting);
    setGauge("vetta_outbox_lag_seconds", "Age of the oldest e-mail waiting to be sent", outbox.oldestSeconds);
    const sealing = await auditSealingLag();
    setGauge("vetta_audit_pending_events", "Committed audit events the sealer has not chained yet", sealing.pending);
    setGauge("vetta_audit_sealing_lag_seconds", "Age of the oldest audit event not yet sealed (0 when none waits)", sealing.oldestSeconds);
  } catch (error) {
    up = 0;
    logger.error({ err: error instanceof Error ? error.message.split("\n")[0] : error }, "metrics: could not read the database");
  }
  setGauge("vetta_database_up", "1 when the last scrape could read the database", up);
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
