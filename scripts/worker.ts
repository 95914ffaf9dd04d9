/**
 * The background worker `npm start` runs beside the web server: reminder jobs on PostgreSQL
 * (pg-boss). Started with the react-server condition, like the other scripts that use lib/db.
 */
import { DEFAULT_REMINDER_CRON, startJobWorker } from "../lib/jobs/reminder-jobs";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set");
const boss = await startJobWorker({
  databaseUrl,
  cron: process.env.VETTA_REMINDER_CRON ?? DEFAULT_REMINDER_CRON,
  onCycle: ({ reminders, mailed }) => {
    if (reminders || mailed) console.log(`[vetta] reminders sent: ${reminders}, e-mails delivered: ${mailed}`);
  },
});
console.log(`[vetta] job worker ready (reminders ${process.env.VETTA_REMINDER_CRON ?? DEFAULT_REMINDER_CRON}, ${process.env.SMTP_URL ? "SMTP configured" : "no SMTP_URL: mail stays in the outbox"})`);
const stop = async () => {
  // Ctrl-C reaches the embedded database too, which ends our connections as we stop: not an error.
  boss.removeAllListeners("error");
  boss.on("error", () => {});
  await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
