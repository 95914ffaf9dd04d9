/**
 * Whether the schema engine has anything to do, read from `_prisma_migrations` with one query.
 * Starting the WebAssembly schema engine costs seconds (loading and instantiating ~10 MB of wasm,
 * then its own bookkeeping queries), and on almost every start its answer is "nothing pending".
 * This check answers that in milliseconds; the engine still runs whenever a migration is pending,
 * one failed, or the table does not exist yet, so it keeps every rule of its own (the advisory
 * lock, the failed-migration block, the error messages).
 */
import pg from "pg";
import { migrationNames } from "./migrations-dir";

export interface MigrationState {
  /** Folders in the migrations directory with no finished, non-rolled-back row: the engine applies them. */
  pending: string[];
  /** Rows the engine started but never finished and nobody marked rolled back: deploys are blocked until resolved. */
  failed: string[];
}

interface MigrationRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** The pending and failed migrations of `databaseUrl` against the folders in `migrationsDir`. */
export async function migrationState(databaseUrl: string, migrationsDir: string): Promise<MigrationState> {
  const folders = migrationNames(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // to_regclass is NULL on a new database: everything is pending, and the engine makes the table.
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`);
    const rows = exists.rows[0]?.t
      ? (await client.query<MigrationRow>(`SELECT migration_name, finished_at, rolled_back_at FROM public._prisma_migrations`)).rows
      : [];
    return stateOf(folders, rows);
  } finally {
    await client.end();
  }
}

/** Pure: pending folders and failed rows, as `prisma migrate deploy` would judge them. */
export function stateOf(folders: string[], rows: MigrationRow[]): MigrationState {
  const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  return { pending: folders.filter((name) => !applied.has(name)), failed: [...new Set(failed)].sort() };
}

/** True when the engine must run: a pending migration, or a failed one it has to report. */
export const needsEngine = (state: MigrationState) => state.pending.length > 0 || state.failed.length > 0;
