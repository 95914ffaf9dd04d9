import "server-only";
import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the app reads, in one zod schema: names, defaults and checks live
 * here and nowhere else (lint refuses `process.env` in app/, lib/ and components/). scripts/start.ts
 * fills in DATABASE_URL (embedded PostgreSQL) and the secrets (generated once into .data/) before
 * the app starts, so inside the app the required ones are always present. README's
 * "Configuration" table lists the same variables.
 *
 * Read lazily, on each call: tests and scripts set variables after this module loads, and a
 * variable only one feature needs must not stop the rest from starting.
 */
const text = z.string().trim().optional().transform((v) => (v ? v : undefined));
/** A positive number given as text ("12", "0.5"); unset stays unset. */
const positive = (what: string) =>
  text.refine((v) => v === undefined || (Number.isFinite(Number(v)) && Number(v) > 0), `must be a positive number of ${what}`).transform((v) => (v === undefined ? undefined : Number(v)));
/** A positive whole number given as text; unset stays unset. */
const positiveWhole = text.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0), "must be a positive whole number").transform((v) => (v === undefined ? undefined : Number(v)));
const httpUrl = text.pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional());

const schema = z.object({
  NODE_ENV: text,
  DATABASE_URL: text,
  NEXTAUTH_SECRET: text,
  NEXTAUTH_URL: httpUrl,
  VETTA_PUBLIC_URL: httpUrl,
  VETTA_SESSION_HOURS: positive("hours"),
  VETTA_SESSION_IDLE_MINUTES: positive("minutes"),
  VETTA_DATA_DIR: text,
  VETTA_FILE_MASTER_KEY: text,
  SMTP_URL: text,
  SMTP_FROM: text,
  VETTA_AUDIT_KEY: text,
  VETTA_AUDIT_ANCHOR_FILE: text,
  VETTA_AUDIT_SEAL_SECONDS: positive("seconds"),
  VETTA_DB_POOL_SIZE: positiveWhole,
  VETTA_DB_CONNECT_TIMEOUT_MS: positiveWhole,
  VETTA_DB_STATEMENT_TIMEOUT_MS: positiveWhole,
  VETTA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveWhole,
  VETTA_DB_TRANSACTION_MAX_WAIT_MS: positiveWhole,
  VETTA_DB_TRANSACTION_TIMEOUT_MS: positiveWhole,
  VETTA_METRICS_TOKEN: text,
  VETTA_STORAGE: text.pipe(z.enum(["local", "s3"], { message: "must be local or s3" }).optional()),
  VETTA_S3_BUCKET: text,
  VETTA_S3_ENDPOINT: httpUrl,
  VETTA_S3_REGION: text,
  VETTA_S3_ACCESS_KEY_ID: text,
  VETTA_S3_SECRET_ACCESS_KEY: text,
  VETTA_S3_FORCE_PATH_STYLE: text.pipe(z.enum(["true", "false"], { message: "must be true or false" }).optional()),
  VETTA_WEBHOOK_ALLOW_PRIVATE: text.pipe(z.enum(["true", "false"], { message: "must be true or false" }).optional()),
  VETTA_LOG_LEVEL: text.pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "must be one of fatal, error, warn, info, debug, trace, silent" }).optional()),
});
export type Environment = z.output<typeof schema>;

/** The environment, checked. A bad value names its variable and never echoes a secret. */
export function environment(source: Readonly<Record<string, string | undefined>> = process.env): Environment {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new Error(`Invalid environment: ${problems.join("; ")}.`);
}

function required<K extends keyof Environment>(name: K): NonNullable<Environment[K]> {
  const value = environment()[name];
  if (value === undefined || value === null) throw new Error(`${name} is not set: start Vetta with \`npm start\`, or set it in the environment.`);
  return value as NonNullable<Environment[K]>;
}

type WholeNumberName = "VETTA_DB_POOL_SIZE" | "VETTA_DB_CONNECT_TIMEOUT_MS" | "VETTA_DB_STATEMENT_TIMEOUT_MS" | "VETTA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS" | "VETTA_DB_TRANSACTION_MAX_WAIT_MS" | "VETTA_DB_TRANSACTION_TIMEOUT_MS";

function positiveInteger(name: WholeNumberName, fallback: number): number {
  return environment()[name] ?? fallback;
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

/** Where evidence files live: the local disk (default) or an S3-compatible bucket. */
export type StorageSettings =
  | { kind: "local" }
  | {
      kind: "s3";
      bucket: string;
      /** Unset means AWS itself; set it for MinIO, Ceph, R2, Wasabi and the like. */
      endpoint: string | undefined;
      region: string;
      /** Both or neither: unset, the AWS SDK's own chain applies (AWS_* variables, instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      /** bucket in the path (http://host/bucket/key) rather than the host name; most self-hosted stores need it. */
      forcePathStyle: boolean;
    };

export function storageSettings(env: Environment = environment()): StorageSettings {
  if (env.VETTA_STORAGE !== "s3") return { kind: "local" };
  if (!env.VETTA_S3_BUCKET) throw new Error("VETTA_S3_BUCKET is not set: VETTA_STORAGE=s3 needs the bucket's name.");
  const id = env.VETTA_S3_ACCESS_KEY_ID;
  const secret = env.VETTA_S3_SECRET_ACCESS_KEY;
  if ((id === undefined) !== (secret === undefined)) throw new Error("VETTA_S3_ACCESS_KEY_ID and VETTA_S3_SECRET_ACCESS_KEY must be set together (or neither, to use the AWS SDK's own credentials).");
  return {
    kind: "s3",
    bucket: env.VETTA_S3_BUCKET,
    endpoint: env.VETTA_S3_ENDPOINT,
    region: env.VETTA_S3_REGION ?? "us-east-1",
    credentials: id && secret ? { accessKeyId: id, secretAccessKey: secret } : undefined,
    // A custom endpoint is usually a self-hosted store without per-bucket host names.
    forcePathStyle: env.VETTA_S3_FORCE_PATH_STYLE ? env.VETTA_S3_FORCE_PATH_STYLE === "true" : env.VETTA_S3_ENDPOINT !== undefined,
  };
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
  metricsToken: () => environment().VETTA_METRICS_TOKEN ?? null,
  databaseUrl: () => required("DATABASE_URL"),
  authSecret: () => required("NEXTAUTH_SECRET"),
  /** The address people sign in at (next-auth's callback base); secure cookies when https. */
  authUrl: () => environment().NEXTAUTH_URL ?? null,
  /** The address people reach Vetta at, for links in e-mail and calendar feeds. */
  publicUrl: () => {
    const env = environment();
    return (env.VETTA_PUBLIC_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  },
  /** Cookies get the Secure flag when Vetta is served over https. */
  servedOverHttps: () => (environment().NEXTAUTH_URL ?? "").startsWith("https://"),
  /** How long a sign-in lasts at most, in seconds (VETTA_SESSION_HOURS, default 12, ASVS 3.3.2), however busy it is. */
  sessionMaxAgeSeconds: () => Math.round((environment().VETTA_SESSION_HOURS ?? 12) * 3600),
  /** Where the embedded database, secrets and evidence files live. */
  dataDir: () => environment().VETTA_DATA_DIR ?? ".data",
  /** VETTA_STORAGE and the VETTA_S3_* settings (README: Configuration). */
  storage: () => storageSettings(),
  /** VETTA_FILE_MASTER_KEY as given (checked where it is used: lib/files/envelope-encryption). */
  fileMasterKey: () => environment().VETTA_FILE_MASTER_KEY,
  smtpUrl: () => environment().SMTP_URL ?? null,
  smtpFrom: () => environment().SMTP_FROM ?? "Vetta <vetta@localhost>",
  /** 32 bytes, base64: keys the audit chain and signs its anchors; never stored in the database. */
  auditKey: () => required("VETTA_AUDIT_KEY"),
  /** The append-only file outside the database where the sealer anchors each chain head. */
  auditAnchorFile: () => {
    const env = environment();
    const explicit = env.VETTA_AUDIT_ANCHOR_FILE;
    // Scoped like the evidence-file directory, so the build does not trace the whole project.
    return explicit ? path.resolve(/* turbopackIgnore: true */ explicit) : path.resolve(env.VETTA_DATA_DIR || ".data", "audit-anchors.log");
  },
  /** How often the job worker seals new audit events, in seconds (default 2). */
  auditSealSeconds: () => environment().VETTA_AUDIT_SEAL_SECONDS ?? 2,
  isProduction: () => environment().NODE_ENV === "production",
  isDevelopment: () => environment().NODE_ENV === "development",
  /** A session with no request for this many minutes ends (default 30, ASVS 3.3.2 level 2). */
  sessionIdleSeconds: () => Math.round((environment().VETTA_SESSION_IDLE_MINUTES ?? 30) * 60),
  /**
   * Webhooks may reach private, loopback and link-local addresses, and plain http://, only when
   * this is "true" (a receiver on the same network, or tests). Off by default: SSRF.
   */
  webhookAllowPrivate: () => environment().VETTA_WEBHOOK_ALLOW_PRIVATE === "true",
};
