/**
 * Prisma's schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm, pinned), driven
 * through @prisma/adapter-pg. This machine cannot download Prisma's native engine, and this
 * gives the same migrations and the same `_prisma_migrations` bookkeeping as
 * `prisma migrate deploy`.
 *
 * What works through the adapter: diff between schema texts (or from empty) and applying
 * migrations. What does not: any diff that reads a live database (adapter-pg cannot read
 * PostgreSQL's internal "char" type), so new migrations are made by diffing the schema the
 * last migration was made from against the current one (scripts/lib/migrations-dir.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { readMigrationList } from "./migrations-dir";

type Bindings = typeof import("@prisma/schema-engine-wasm");
type Engine = Awaited<ReturnType<Bindings["SchemaEngine"]["new"]>>;

const NO_FILTER = { externalTables: [], externalEnums: [] };
let bindings: Promise<Bindings> | null = null;

/** The wasm glue imports the .wasm file as an ES module; instantiate it ourselves instead. */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const glue = (await import(entry.replace(/schema_engine\.js$/, "schema_engine_bg.js"))) as Bindings & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = readFileSync(entry.replace(/schema_engine\.js$/, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })();
  return bindings;
}

/**
 * adapter-pg's executeScript splits a script on every ";", which breaks function bodies
 * ($$ … ; … $$) and any literal holding a semicolon. Send the whole script as one simple-protocol
 * query instead, as the native engine does: PostgreSQL runs it in one implicit transaction, so a
 * migration applies whole or not at all.
 */
class WholeScriptPg extends PrismaPg {
  /** Every connection the engine opened; closed when it is done, releasing its advisory lock. */
  readonly opened: Array<{ dispose(): Promise<void> }> = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    const pool = adapter.underlyingDriver();
    const fail = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        fail(error);
      }
    };
    return adapter;
  }
}

async function withEngine<T>(databaseUrl: string, schema: string | null, run: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const factory = new WholeScriptPg({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: schema ? [["schema.prisma", schema]] : undefined }, (log: string) => logs.push(log), adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(factory.opened.map((a) => a.dispose().catch(() => undefined)));
  }
}

/**
 * The SQL that takes a database from one schema.prisma text (or from nothing) to another. The
 * engine needs a reachable PostgreSQL to run, though it reads nothing from it.
 */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  return withEngine(databaseUrl, to, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const sql = result.stdout ?? "";
    return /^\s*-- This is an empty migration\.\s*$/.test(sql) ? "" : sql;
  });
}

/**
 * Applies the pending migrations in `migrationsDir` to the database, recording them in
 * `_prisma_migrations`. Idempotent; the engine serialises concurrent callers with PostgreSQL's
 * advisory lock, as `prisma migrate deploy` does.
 */
export async function applyMigrations(databaseUrl: string, migrationsDir = "prisma/migrations"): Promise<{ applied: string[] }> {
  const migrationsList = readMigrationList(migrationsDir);
  return withEngine(databaseUrl, null, async (engine) => {
    try {
      const output = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return { applied: output.appliedMigrationNames };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Applying migrations failed: ${message}`);
    }
  });
}
