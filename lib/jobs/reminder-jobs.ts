import "server-only";
import nodemailer from "nodemailer";
import PgBoss from "pg-boss";
import { deliverOutbox, type MailTransport } from "@/lib/db/outbox";
import { sendAllDueReminders } from "@/lib/db/reminders";

/**
 * Reminders run as jobs on PostgreSQL (pg-boss), not an in-process timer: the schedule fires once
 * per tick whichever app instances are running, and any instance's worker may pick the job up.
 * Exactly-once delivery does not rest on that: each reminder's unique ReminderDelivery key does.
 */
export const REMINDER_QUEUE = "vetta-reminders";
export const DEFAULT_REMINDER_CRON = "0 * * * *";

export function mailTransportFromEnv(): MailTransport | null {
  const url = process.env.SMTP_URL;
  return url ? nodemailer.createTransport(url) : null;
}

/** One reminder cycle: send what is due today, then mail the outbox when SMTP is configured. */
export async function runReminderCycle(now = new Date(), transport: MailTransport | null = mailTransportFromEnv()) {
  const reminders = await sendAllDueReminders(now);
  const mailed = transport ? await deliverOutbox(transport, process.env.SMTP_FROM ?? "Vetta <vetta@localhost>") : 0;
  return { reminders, mailed };
}

/**
 * pg-boss 10 deadlocks when two instances create the same new queue at once (both insert the
 * queue row and its partition). Creating is idempotent, so the loser simply tries again.
 */
async function createQueueOnce(boss: PgBoss) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boss.createQueue(REMINDER_QUEUE);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== "40P01" && code !== "23505")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}

export async function startJobWorker(options: { databaseUrl: string; cron?: string; onCycle?: (result: { reminders: number; mailed: number }) => void }) {
  const boss = new PgBoss({ connectionString: options.databaseUrl, schema: "pgboss", max: 4, application_name: "vetta-jobs" });
  boss.on("error", (error: Error) => console.error("[vetta] job queue error:", error.message));
  await boss.start();
  await createQueueOnce(boss);
  await boss.schedule(REMINDER_QUEUE, options.cron ?? DEFAULT_REMINDER_CRON, {}, { tz: "UTC" });
  await boss.work(REMINDER_QUEUE, async () => {
    const result = await runReminderCycle();
    options.onCycle?.(result);
  });
  // Run once at start, so a fresh or restarted instance catches up without waiting for the hour.
  await boss.send(REMINDER_QUEUE, {}, { singletonKey: "startup", singletonSeconds: 60 });
  return boss;
}
