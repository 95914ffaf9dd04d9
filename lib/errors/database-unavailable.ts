/**
 * Whether an error means "the database cannot answer now" (down, frozen, refusing connections, the
 * pool full, a statement or transaction over its time limit) rather than a bug: those answer 503
 * with Retry-After, never 500. Prisma wraps driver errors in several layers, so the codes and
 * messages of the whole cause chain are looked at.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// 57014 statement timeout / cancel, 57P01-03 shutdown / cannot connect now, 53300 too many
// connections, 25P03 idle-in-transaction timeout, 55P03 lock not available, 08xxx connection.
const PG_CODES = /^(57014|57P0[1-3]|53300|25P03|55P03|08\d\d\d)$/;
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /query read timeout/i,
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH/,
  /can't reach database server/i,
  /unable to start a transaction in the given time/i,
  /transaction already closed/i,
  /canceling statement due to statement timeout/i,
  /terminating connection due to idle-in-transaction timeout/i,
  /Client has encountered a connection error/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown; kind?: unknown };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code === "string" && (PRISMA_CODES.has(code) || PG_CODES.test(code))) return true;
  }
  if (typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (e.kind === "DatabaseNotReachable" || e.kind === "SocketTimeout" || e.kind === "TooManyConnections" || e.kind === "TransactionAlreadyClosed") return true;
  if (e.meta && typeof e.meta === "object") {
    const meta = e.meta as Record<string, unknown>;
    if (isDatabaseUnavailable(meta.driverAdapterError, depth + 1)) return true;
  }
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE = "Vetta cannot reach its database right now (it is busy or down). Nothing was saved; try again in a few seconds.";

/**
 * The last time this process saw the database fail, shared through globalThis because the HTTP
 * server (scripts/server.ts) and the Next bundle load separate copies of this module. The server
 * turns a 500 from a page into 503 with Retry-After while this is recent.
 */
const state = globalThis as unknown as { vettaDatabaseFailedAt?: number };

export function markDatabaseUnavailable(now = Date.now()) {
  state.vettaDatabaseFailedAt = now;
}

export function databaseRecentlyUnavailable(withinMs = 10_000, now = Date.now()) {
  return state.vettaDatabaseFailedAt !== undefined && now - state.vettaDatabaseFailedAt < withinMs;
}
