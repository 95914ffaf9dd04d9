import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { serverEnv } from "@/lib/config/server-env";
import { isDatabaseUnavailable, markDatabaseUnavailable } from "@/lib/errors/database-unavailable";

/**
 * The one Prisma client. Only files under lib/db import it (STYLE.md rule 1); everything else
 * calls the named, tenant-scoped functions beside it.
 */
const globalForPrisma = globalThis as unknown as { vettaPrisma?: PrismaClient; vettaPool?: pg.Pool };

/**
 * Failures to get or use a connection are remembered (markDatabaseUnavailable) so the HTTP server
 * can answer 503 instead of 500 for a page that failed because of them.
 */
function watchPool(pool: pg.Pool) {
  const connect = pool.connect.bind(pool) as (callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void) => unknown;
  (pool as unknown as { connect: typeof connect }).connect = (callback) => {
    if (callback)
      return connect((err, client, done) => {
        if (err) markDatabaseUnavailable();
        callback(err, client, done);
      });
    return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
      markDatabaseUnavailable();
      throw error;
    });
  };
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: typeof query }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).catch === "function") {
        (result as Promise<unknown>).catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) markDatabaseUnavailable();
        });
      }
      return result;
    };
  });
  // An idle connection dropped by the server is not a crash: the pool replaces it.
  pool.on("error", () => markDatabaseUnavailable());
}

function createClient(): PrismaClient {
  const limits = serverEnv.databaseLimits();
  const pool = new pg.Pool({
    connectionString: serverEnv.databaseUrl(),
    max: limits.poolSize,
    connectionTimeoutMillis: limits.connectTimeoutMs,
    // Enforced by the server, and (query_timeout) by the client too: a frozen server enforces nothing.
    statement_timeout: limits.statementTimeoutMs,
    query_timeout: limits.statementTimeoutMs + 5_000,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    keepAlive: true,
    application_name: "vetta",
  });
  watchPool(pool);
  globalForPrisma.vettaPool = pool;
  return new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: limits.transactionMaxWaitMs, timeout: limits.transactionTimeoutMs } });
}

export const prisma: PrismaClient = globalForPrisma.vettaPrisma ?? createClient();
if (!serverEnv.isProduction()) globalForPrisma.vettaPrisma = prisma;

/** Connections in use and requests waiting for one, for /metrics. */
export function databasePoolStats() {
  const pool = globalForPrisma.vettaPool;
  if (!pool) return null;
  return { max: pool.options.max ?? 10, total: pool.totalCount, idle: pool.idleCount, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount };
}

/**
 * The rows of one statement built from Prisma.sql fragments (parameters bound, never spliced),
 * sent straight through the app's pool. For hot list reads that validate their rows themselves
 * (lib/db/register-lists.ts): at 16 concurrent callers Prisma's raw-query path cost as much again
 * as the SQL on a 25-row page (BENCHMARKS.md, "Register lists"). `timestamp` columns must be
 * selected `AT TIME ZONE 'UTC'` (pg would read a bare timestamp in the process's zone).
 */
export async function queryRows(statement: Prisma.Sql): Promise<unknown[]> {
  const pool = globalForPrisma.vettaPool;
  if (!pool) throw new Error("queryRows: the database pool is not set up");
  return (await pool.query({ text: statement.text, values: statement.values as unknown[] })).rows as unknown[];
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { Prisma } from "./generated/client";
