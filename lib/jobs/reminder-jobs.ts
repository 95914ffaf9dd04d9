import "server-only";
import nodemailer from "nodemailer";
import PgBoss from "pg-boss";
import { serverEnv } from "@/lib/config/server-env";
import { deliverOutbox, type MailTransport } from "@/lib/db/outbox";
import { sendAllDueReminders } from "@/lib/db/reminders";
import { rescoreOrganizationsWhoseDayTurned } from "@/lib/db/score-refresh";
import { startDpaAnalysisWorker } from "./dpa-analysis-jobs";
import { startImportWorker } from "./import-jobs";
import { startWebhookWorker } from "./webhook-jobs";
import { createQueueOnce } from "./job-queue";
import { logger } from "@/lib/log/logger";

/**
 * Reminders run as jobs on PostgreSQL (pg-boss), not an in-process timer: the schedule fires once
 * per tick whichever app instances are running, and any instance's worker may pick the job up.
 * Exactly-once delivery does not rest on that: each reminder's unique ReminderDelivery key does.
 */
export const REMINDER_QUEUE = "vetta-reminders";
export const DEFAULT_REMINDER_CRON = "0 * * * *";

export function mailTransportFromEnv(): MailTransport | null {
  const url = serverEnv.smtpUrl();
  return url ? nodemailer.createTransport(url) : null;
}

/**
 * One hourly cycle: first the daily rescoring of every organisation whose day has turned (expired
 * evidence, review cadences, lapses and suspensions move with the calendar), then the reminders
 * due today (suspensions among them), then the outbox when SMTP is configured.
 */
export async function runReminderCycle(now = new Date(), transport: MailTransport | null = mailTransportFromEnv()) {
  const rescored = await rescoreOrganizationsWhoseDayTurned(now);
  const reminders = await sendAllDueReminders(now);
  const mailed = transport ? await deliverOutbox(transport, serverEnv.smtpFrom(), { publicUrl: serverEnv.publicUrl() }) : 0;
  return { rescored, reminders, mailed };
}

export async function startJobWorker(options: { databaseUrl: string; cron?: string; onCycle?: (result: { rescored: number; reminders: number; mailed: number }) => void }) {
  const boss = new PgBoss({ connectionString: options.databaseUrl, schema: "pgboss", max: 4, application_name: "vetta-jobs" });
  boss.on("error", (error: Error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  await createQueueOnce(boss, REMINDER_QUEUE);
  await boss.schedule(REMINDER_QUEUE, options.cron ?? DEFAULT_REMINDER_CRON, {}, { tz: "UTC" });
  await boss.work(REMINDER_QUEUE, async ([job]) => {
    const log = logger.child({ jobId: job?.id, queue: REMINDER_QUEUE });
    log.debug("reminder cycle started");
    const result = await runReminderCycle();
    log.info(result, "reminder cycle done");
    options.onCycle?.(result);
  });
  await startImportWorker(boss);
  await startDpaAnalysisWorker(boss);
  const webhooks = await startWebhookWorker(boss);
  boss.on("stopped", () => webhooks.stop());
  // Run once at start, so a fresh or restarted instance catches up without waiting for the hour.
  await boss.send(REMINDER_QUEUE, {}, { singletonKey: "startup", singletonSeconds: 60 });
  return boss;
}
