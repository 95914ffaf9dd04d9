import "server-only";
import PgBoss from "pg-boss";
import { serverEnv } from "@/lib/config/server-env";
import { logger } from "@/lib/log/logger";

/**
 * The pg-boss queues Vetta uses, and the small sender the web server enqueues with. The worker
 * (scripts/worker.ts) runs the jobs; the web server only sends, so its sender neither supervises
 * nor schedules.
 */
export const IMPORT_QUEUE = "vetta-imports";
export const DPA_ANALYSIS_QUEUE = "vetta-dpa-analyses";

/**
 * pg-boss 10 deadlocks when two instances create the same new queue at once (both insert the
 * queue row and its partition). Creating is idempotent, so the loser simply tries again.
 */
export async function createQueueOnce(boss: PgBoss, name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boss.createQueue(name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== "40P01" && code !== "23505")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}

const globalForBoss = globalThis as unknown as { vettaSender?: Promise<PgBoss> };

async function startSender(): Promise<PgBoss> {
  const url = serverEnv.databaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2, supervise: false, schedule: false, application_name: "vetta-web-jobs" });
  boss.on("error", (error: Error) => logger.error({ err: error }, "job sender error"));
  await boss.start();
  await createQueueOnce(boss, IMPORT_QUEUE);
  await createQueueOnce(boss, DPA_ANALYSIS_QUEUE);
  return boss;
}

function sender(): Promise<PgBoss> {
  globalForBoss.vettaSender ??= startSender().catch((error: unknown) => {
    globalForBoss.vettaSender = undefined; // try again on the next send
    throw error;
  });
  return globalForBoss.vettaSender;
}

/** Hands an import to the worker. Should the send be lost, the worker's start-up sweep finds the job. */
export async function enqueueImport(importJobId: string) {
  const boss = await sender();
  await boss.send(IMPORT_QUEUE, { importJobId }, { retryLimit: 2, expireInSeconds: 60 * 30 });
}

/** Hands a DPA analysis to the worker; a lost send is found by the worker's start-up sweep. */
export async function enqueueDpaAnalysis(analysisId: string) {
  const boss = await sender();
  await boss.send(DPA_ANALYSIS_QUEUE, { analysisId }, { retryLimit: 2, expireInSeconds: 60 * 10 });
}
