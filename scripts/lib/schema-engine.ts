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
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { describePosition, offlineAdapterFactory, WholeScriptPg } from "./schema-engine-adapters";
import { readMigrationList } from "./migrations-dir";
import { migrationState, needsEngine } from "./pending-migrations";

type Bindings = typeof import("@prisma/schema-engine-wasm");
type Engine = Awaited<ReturnType<Bindings["SchemaEngine"]["new"]>>;

export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";
const NO_FILTER = { externalTables: [], externalEnums: [] };
let bindings: Promise<Bindings> | null = null;

/**
 * The wasm glue (schema_engine.js) imports the .wasm file as an ES module, which plain Node and
 * tsx cannot do without --experimental-wasm-modules; instantiate it ourselves instead.
 */
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

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, run: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  // The engine reports progress through this callback; we have nothing to add to its errors.
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => undefined, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/** Runs the engine on a real database, closing every connection it opened when it is done. */
async function withDatabaseEngine<T>(databaseUrl: string, run: (engine: Engine, pg: WholeScriptPg) => Promise<T>): Promise<T> {
  const pg = new WholeScriptPg({ connectionString: databaseUrl, max: 2 });
  try {
    return await withEngine(pg, (engine) => run(engine, pg));
  } finally {
    await Promise.all(pg.opened.map((adapter) => adapter.dispose().catch(() => undefined)));
  }
}

const schemaFiles = (content: string) => ({ files: [{ path: "schema.prisma", content }] });

/**
 * The SQL that takes a database from one schema.prisma text (or from nothing, when `from` is
 * null) to another; "" when they describe the same database. Needs no database.
 */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  return withEngine(offlineAdapterFactory(), async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", ...schemaFiles(from) },
      to: { tag: "schemaDatamodel", ...schemaFiles(to) },
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
 * `_prisma_migrations` as `prisma migrate deploy` does. Idempotent, so safe on every start: the
 * engine itself serialises concurrent callers with PostgreSQL's advisory lock 72707369, as the
 * native engine does. A failed migration is rolled back whole (it runs in one transaction) and
 * blocks later runs until it is fixed and marked rolled back (markMigrationRolledBack).
 * The engine only starts when `_prisma_migrations` shows a pending or failed migration
 * (pending-migrations.ts): on an up-to-date database this returns in milliseconds, not seconds.
 */
export async function applyMigrations(databaseUrl: string, migrationsDir = DEFAULT_MIGRATIONS_DIR, options: { alwaysRunEngine?: boolean } = {}): Promise<{ applied: string[] }> {
  // alwaysRunEngine: the start-up benchmark's baseline (what every start did before the check).
  if (!options.alwaysRunEngine && !needsEngine(await migrationState(databaseUrl, migrationsDir))) return { applied: [] };
  const migrationsList = readMigrationList(migrationsDir);
  return withDatabaseEngine(databaseUrl, async (engine, pg) => {
    try {
      const output = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return { applied: output.appliedMigrationNames };
    } catch (error) {
      const failure = pg.lastFailure;
      const failed = failure && migrationsList.migrationDirectories.find((m) => m.migrationFile.content.value === failure.script);
      if (!failure || !failed) {
        // The engine's "found failed migrations" points at `prisma migrate resolve`, which needs
        // the native engine; name our equivalent.
        const blocked = /The `([^`]+)` migration .* failed/.exec(errorMessage(error))?.[1];
        const advice = blocked ? `\nOnce ${blocked} is fixed, run: npx tsx scripts/migrate.ts resolve ${blocked}   and deploy again.` : "";
        throw new Error(`Applying migrations failed: ${errorMessage(error)}${advice}`);
      }
      const { code, message, detail, hint, position } = failure.error;
      const where = describePosition(failure.script, position);
      throw new Error(
        [
          `Migration ${failed.path} failed, and none of it was applied: ${message}${code ? ` (SQLSTATE ${code})` : ""}`,
          where && `  at ${failed.path}/migration.sql ${where}`,
          detail && `  detail: ${detail}`,
          hint && `  hint: ${hint}`,
          `Fix the migration, then run: npx tsx scripts/migrate.ts resolve ${failed.path}   (marks it rolled back)`,
          `and deploy again.`,
        ]
          .filter(Boolean)
          .join("\n"),
      );
    }
  });
}

/**
 * Marks a failed migration as rolled back (`prisma migrate resolve --rolled-back`), so the next
 * deploy runs it again. Safe here because PostgreSQL applied none of it.
 */
export async function markMigrationRolledBack(databaseUrl: string, migrationName: string): Promise<void> {
  await withDatabaseEngine(databaseUrl, (engine) => engine.markMigrationRolledBack({ migrationName }));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
