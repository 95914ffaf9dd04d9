/**
 * The background worker `npm start` runs beside the web server: reminder jobs on PostgreSQL
 * (pg-boss), and the audit sealer (every VETTA_AUDIT_SEAL_SECONDS). Started with the
 * react-server condition, like the other scripts that use lib/db.
 */
import { serverEnv } from "../lib/config/server-env";
import { startAuditSealer } from "../lib/jobs/audit-seal-jobs";
import { startHeartbeat } from "../lib/jobs/heartbeat";
import { DEFAULT_REMINDER_CRON, startJobWorker } from "../lib/jobs/reminder-jobs";
import { logger } from "../lib/log/logger";
import { exitWithLauncher } from "./lib/exit-with-launcher";
import { markPhase, markProcessStart } from "./lib/startup-timing";

markProcessStart("worker");
markPhase("worker", "modules loaded");

// The sealer's lines carry a job name, like the queue jobs' child loggers carry their job id.
const sealerLog = logger.child({ job: "audit-sealer" });

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set");
// npm start spawns the worker while the database is still being migrated and checked, so that
// loading the code above overlaps with it; nothing touches the database before its word.
if (process.env.VETTA_WORKER_WAIT_FOR_DATABASE === "1" && process.send) {
  const stopWaiting = exitWithLauncher(() => process.exit(0));
  await new Promise<void>((resolve) => {
    const onMessage = (message: unknown) => {
      if (message !== "database prepared") return;
      process.off("message", onMessage);
      resolve();
    };
    process.on("message", onMessage);
  });
  stopWaiting();
  markPhase("worker", "database prepared (told)");
}
const boss = await startJobWorker({
  databaseUrl,
  cron: process.env.VETTA_REMINDER_CRON ?? DEFAULT_REMINDER_CRON,
  // Each cycle logs its own line (lib/jobs/reminder-jobs, with the job's id).
});
markPhase("worker", "pg-boss started");
let sealerFailing = false;
const sealer = startAuditSealer({
  intervalMs: serverEnv.auditSealSeconds() * 1000,
  onPass: () => {
    if (sealerFailing) sealerLog.info("audit sealer working again");
    sealerFailing = false;
  },
  onError: (error) => {
    // Once per outage, not every two seconds.
    if (!sealerFailing) sealerLog.error({ err: error }, "audit sealer failed (retrying)");
    sealerFailing = true;
  },
});
console.log(`[vetta] job worker ready (reminders ${process.env.VETTA_REMINDER_CRON ?? DEFAULT_REMINDER_CRON}, audit sealing every ${serverEnv.auditSealSeconds()} s, ${process.env.SMTP_URL ? "SMTP configured" : "no SMTP_URL: mail stays in the outbox"})`);
markPhase("worker", "ready");
const stopHeartbeat = startHeartbeat();
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  stopHeartbeat();
  // Ctrl-C reaches the embedded database too, which ends our connections as we stop: not an error.
  boss.removeAllListeners("error");
  boss.on("error", () => {});
  await sealer.stop();
  await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
// Started by npm start (with an IPC channel): when that process dies (even kill -9), stop too.
// A worker run on its own (VETTA_JOBS=off elsewhere) has no such parent to follow.
if (process.send) exitWithLauncher(() => void stop());
process.on("SIGINT", () => void stop());
