/**
 * The two driver adapters the wasm schema engine runs on (see scripts/lib/schema-engine.ts):
 * - WholeScriptPg, a real PostgreSQL connection (adapter-pg) for applying migrations;
 * - offlineAdapterFactory, for diffing two schema texts, which needs no database at all.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";

/** A migration script PostgreSQL refused, with the error as PostgreSQL reported it. */
export interface ScriptFailure {
  script: string;
  error: { code?: string; message: string; detail?: string; hint?: string; position?: string };
}

/**
 * adapter-pg's executeScript splits a script on every ";", which breaks function bodies
 * ($$ … ; … $$) and any literal holding a semicolon. Send the whole script as one simple-protocol
 * query instead, as the native engine does: PostgreSQL runs it in one implicit transaction, so a
 * migration applies whole or not at all.
 */
export class WholeScriptPg extends PrismaPg {
  /** Every connection the engine opened; closed when it is done, releasing its advisory lock. */
  readonly opened: SqlDriverAdapter[] = [];
  /** The last script PostgreSQL refused, so the caller can name the migration and the error. */
  lastFailure: ScriptFailure | null = null;

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (caught) {
        const error = caught as ScriptFailure["error"] & { severity?: string; column?: string };
        this.lastFailure = { script, error };
        // Report it in adapter-pg's terms (public API only); the engine records its own summary
        // in `_prisma_migrations.logs`, and applyMigrations reports lastFailure in full.
        throw new DriverAdapterError({
          kind: "postgres",
          code: error.code ?? "",
          severity: error.severity ?? "ERROR",
          message: error.message,
          detail: error.detail,
          column: error.column,
          hint: error.hint,
        });
      }
    };
    return adapter;
  }
}

/** "line 3: ALTER TABLE …" for the character offset PostgreSQL reports (1-based), if any. */
export function describePosition(script: string, position: string | undefined): string | null {
  const offset = Number(position);
  if (!Number.isInteger(offset) || offset < 1) return null;
  const before = script.slice(0, offset - 1).split("\n");
  const lineNumber = before.length;
  const line = script.split("\n")[lineNumber - 1] ?? "";
  return `line ${lineNumber}: ${line.trim()}`;
}

/**
 * Diffing two schema texts reads nothing from a database, but the engine still connects and asks
 * one question: does the `public` schema exist, and which PostgreSQL version is this. Answer it
 * as the PostgreSQL 18 the app runs on, and refuse anything else loudly, so an engine upgrade that
 * starts reading the database fails clearly rather than diffing against a fiction.
 */
export function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const adapterName = "vetta-offline-diff";
  const refuse = (what: string): never => {
    throw new Error(`diffSchemas works on schema texts only, but the schema engine asked the database: ${what}`);
  };
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName,
    async queryRaw(query: SqlQuery) {
      if (!/\bversion\(\)/.test(query.sql) || !/server_version_num/.test(query.sql)) refuse(query.sql);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 18.0 (no server: diffing schema texts)", 180000]],
      };
    },
    executeRaw: async (query: SqlQuery) => refuse(query.sql),
    executeScript: async (script: string) => refuse(script),
    startTransaction: async () => refuse("a transaction"),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => undefined,
  };
  return {
    provider: "postgres",
    adapterName,
    connect: async () => adapter,
    connectToShadowDb: async () => refuse("a shadow database"),
  };
}
