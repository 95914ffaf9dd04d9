import "server-only";
import path from "node:path";

/**
 * Runtime settings read from the environment. scripts/start.ts fills in DATABASE_URL (embedded
 * PostgreSQL) and the secrets (generated once into .data/) before the app starts, so inside the
 * app these are always present.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: start Vetta with \`npm start\`, or set it in the environment.`);
  return value;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}".`);
  return value;
}

function positiveInteger(name: string, fallback: number): number {
  const value = positiveNumber(name, fallback);
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, got "${process.env[name]}".`);
  return value;
}

export interface DatabaseLimits {
  poolSize: number;
  /** Opening a connection, and waiting for a free one when the pool is full. */
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  transactionMaxWaitMs: number;
  transactionTimeoutMs: number;
}

export const serverEnv = {
  /**
   * Time limits for the database, so a frozen or unreachable database or a full pool answers 503
   * within seconds instead of hanging requests (README: Configuration).
   */
  databaseLimits: (): DatabaseLimits => ({
    poolSize: positiveInteger("VETTA_DB_POOL_SIZE", 10),
    connectTimeoutMs: positiveInteger("VETTA_DB_CONNECT_TIMEOUT_MS", 5_000),
    statementTimeoutMs: positiveInteger("VETTA_DB_STATEMENT_TIMEOUT_MS", 15_000),
    idleInTransactionTimeoutMs: positiveInteger("VETTA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", 15_000),
    transactionMaxWaitMs: positiveInteger("VETTA_DB_TRANSACTION_MAX_WAIT_MS", 5_000),
    transactionTimeoutMs: positiveInteger("VETTA_DB_TRANSACTION_TIMEOUT_MS", 15_000),
  }),
  /** The bearer token /metrics asks for; unset, /metrics answers 404. */
  metricsToken: () => process.env.VETTA_METRICS_TOKEN?.trim() || null,
  databaseUrl: () => required("DATABASE_URL"),
  authSecret: () => required("NEXTAUTH_SECRET"),
  /** The address people reach Vetta at, for links in e-mail and calendar feeds. */
  publicUrl: () => (process.env.VETTA_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
  /** How long a sign-in lasts at most, in hours (default 12, ASVS 3.3.2), however busy it is. */
  sessionMaxAgeSeconds: () => Math.round(positiveNumber("VETTA_SESSION_HOURS", 12) * 3600),
  /** A session with no request for this many minutes ends (default 30, ASVS 3.3.2 level 2). */
  sessionIdleSeconds: () => Math.round(positiveNumber("VETTA_SESSION_IDLE_MINUTES", 30) * 60),
  /** 32 bytes, base64: keys the audit chain and signs its anchors; never stored in the database. */
  auditKey: () => required("VETTA_AUDIT_KEY"),
  /** The append-only file outside the database where the sealer anchors each chain head. */
  auditAnchorFile: () => {
    const explicit = process.env.VETTA_AUDIT_ANCHOR_FILE;
    // Scoped like the evidence-file directory, so the build does not trace the whole project.
    return explicit ? path.resolve(/* turbopackIgnore: true */ explicit) : path.resolve(process.env.VETTA_DATA_DIR || ".data", "audit-anchors.log");
  },
  /** How often the job worker seals new audit events, in seconds (default 2). */
  auditSealSeconds: () => positiveNumber("VETTA_AUDIT_SEAL_SECONDS", 2),
};
