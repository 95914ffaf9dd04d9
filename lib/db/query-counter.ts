import "server-only";
import type pg from "pg";
import { prisma } from "./prisma-client";

/**
 * Counts the SQL statements the app's pool sends while `run` runs (for tests and `npm run bench`,
 * which check that a page's reads stay a fixed number of queries however many rows it shows).
 * It watches the pool itself, below Prisma, so what is counted is what PostgreSQL receives:
 * one `include` that Prisma splits into two statements counts as two. Nothing else may use the
 * pool meanwhile, or its statements are counted too.
 */
export async function countQueries<T>(run: () => Promise<T>): Promise<{ result: T; queries: number; statements: string[] }> {
  // Make sure the client (and so the pool) exists before looking for the pool.
  await prisma.$queryRawUnsafe("SELECT 1");
  const pool = (globalThis as unknown as { vettaPool?: pg.Pool }).vettaPool;
  if (!pool) throw new Error("The app's database pool has not been created.");
  const statements: string[] = [];
  const textOf = (query: unknown) => (typeof query === "string" ? query : ((query as { text?: string } | null)?.text ?? "?"));
  const originalQuery = pool.query;
  const originalConnect = pool.connect;
  const watched = new Set<pg.PoolClient>();
  const restore: Array<() => void> = [];
  (pool as unknown as { query: unknown }).query = function (this: pg.Pool, query: unknown, ...rest: unknown[]) {
    statements.push(textOf(query));
    return (originalQuery as (...args: unknown[]) => unknown).call(this, query, ...rest);
  };
  // Transactions take a connection of their own; count what goes through it as well.
  // (pool.query itself connects with a callback: those statements are counted above already.)
  (pool as unknown as { connect: unknown }).connect = function (this: pg.Pool, ...args: unknown[]) {
    if (args.length > 0) return (originalConnect as (...a: unknown[]) => unknown).apply(this, args);
    return watch((originalConnect as () => Promise<pg.PoolClient>).call(this));
  };
  async function watch(connecting: Promise<pg.PoolClient>) {
    const client = await connecting;
    if (!watched.has(client)) {
      watched.add(client);
      const own = client.query;
      (client as unknown as { query: unknown }).query = function (this: pg.PoolClient, query: unknown, ...rest: unknown[]) {
        statements.push(textOf(query));
        return (own as (...args: unknown[]) => unknown).call(this, query, ...rest);
      };
      restore.push(() => {
        (client as unknown as { query: unknown }).query = own;
      });
    }
    return client;
  }
  try {
    const result = await run();
    return { result, queries: statements.length, statements };
  } finally {
    pool.query = originalQuery;
    pool.connect = originalConnect;
    for (const undo of restore) undo();
  }
}
