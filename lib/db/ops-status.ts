import "server-only";
import { databasePoolStats, prisma } from "./prisma-client";

/**
 * What operators watch: the worker's heartbeat, the job queues, the outbox. Read by
 * /api/health/ready and /metrics; written by the worker (beatWorker).
 */

export async function beatWorker(id: string) {
  await prisma.$executeRaw`
    INSERT INTO "WorkerHeartbeat" ("id", "startedAt", "seenAt") VALUES (${id}, now(), now())
    ON CONFLICT ("id") DO UPDATE SET "seenAt" = now()`;
}

/** Seconds since any worker last said it was alive, or null when none ever did. */
export async function secondsSinceWorkerBeat(): Promise<number | null> {
  const rows = await prisma.$queryRaw<Array<{ age: number | null }>>`
    SELECT EXTRACT(EPOCH FROM now() - max("seenAt"))::float8 AS "age" FROM "WorkerHeartbeat"`;
  return rows[0]?.age ?? null;
}

/** Waiting jobs per pg-boss queue and the age of the oldest; empty when pg-boss is not installed yet. */
export async function jobQueueStats(): Promise<Array<{ queue: string; waiting: number; oldestSeconds: number }>> {
  const installed = await prisma.$queryRaw<Array<{ ok: boolean }>>`SELECT to_regclass('pgboss.job') IS NOT NULL AS "ok"`;
  if (!installed[0]?.ok) return [];
  return prisma.$queryRaw`
    SELECT "name" AS "queue", count(*)::int AS "waiting",
           COALESCE(EXTRACT(EPOCH FROM now() - min("created_on")), 0)::float8 AS "oldestSeconds"
    FROM pgboss.job WHERE "state" IN ('created', 'retry') AND "start_after" <= now()
    GROUP BY "name"`;
}

/** Mail waiting to go out: how many, and how long the oldest has waited. */
export async function outboxLag(): Promise<{ waiting: number; oldestSeconds: number }> {
  const rows = await prisma.$queryRaw<Array<{ waiting: number; oldestSeconds: number }>>`
    SELECT count(*)::int AS "waiting", COALESCE(EXTRACT(EPOCH FROM now() - min("createdAt")), 0)::float8 AS "oldestSeconds"
    FROM "OutboxEmail" WHERE "sentAt" IS NULL AND "error" IS NULL`;
  return rows[0] ?? { waiting: 0, oldestSeconds: 0 };
}

/** The web process's database pool: connections in use, idle, and requests waiting for one. */
export function poolStats() {
  return databasePoolStats();
}
