/**
 * `npm run restore ARCHIVE`'s work: a backup (backup.ts) into an EMPTY database and data
 * directory. Refuses an archive whose parts do not match their SHA-256 in the manifest, a wrong
 * passphrase, a database that already has tables, and a data directory that already holds
 * secrets, evidence files or an anchor file.
 *
 * Order: the migrations the backup was taken at are applied (schema engine, as the owner), the
 * rows are loaded in foreign-key order in one transaction, sequences are moved past the restored
 * rows, and only then are any newer migrations of this Vetta applied, so data meets the schema
 * it was written under. The immutable tables (AuditEvent, AuditSeal, Report, ScoreSnapshot)
 * refuse UPDATE/DELETE/TRUNCATE only, so plain INSERTs load them untouched and nothing needs
 * switching off (AuditSeal.floorTxid is reset to 0, see below); the app role's grants come from migrateAndGrant, as on every start.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { BACKUP_FORMAT, type BackupManifest } from "./backup";
import { openSecrets } from "./backup-secrets";
import { migrateAndGrant } from "./db-roles";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from "./schema-engine";
import { readTar } from "./tar";

export interface RestoreOptions {
  archive: string;
  passphrase: string;
  ownerUrl: string;
  appUrl: string;
  dataDir: string;
  anchorFile: string;
  migrationsDir?: string;
  /**
   * Stores one evidence object (ciphertext, as archived) where the restored Vetta reads it: the
   * S3 bucket with VETTA_STORAGE=s3. Unset: `dataDir/files` on the local disk.
   */
  writeEvidence?: (key: string, bytes: Buffer) => Promise<void>;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: Record<string, number>;
  files: number;
  secrets: string[];
  appliedAfter: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const INSERT_BATCH = 1000;

/** Reads the archive and checks every part against the manifest; nothing is written yet. */
export async function openArchive(archive: string): Promise<{ manifest: BackupManifest; parts: Map<string, Buffer> }> {
  const parts = await readTar(archive);
  const manifestBytes = parts.get("manifest.json");
  if (!manifestBytes) throw new Error(`${archive} has no manifest.json: not a Vetta backup.`);
  const manifest = JSON.parse(manifestBytes.toString("utf8")) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`Unknown backup format "${manifest.format}" (this Vetta reads ${BACKUP_FORMAT}).`);
  for (const [name, expected] of Object.entries(manifest.parts)) {
    const data = parts.get(name);
    if (!data) throw new Error(`The archive lacks ${name}, which its manifest lists.`);
    const actual = createHash("sha256").update(data).digest("hex");
    if (actual !== expected.sha256 || data.length !== expected.bytes) throw new Error(`Checksum mismatch for ${name}: the archive is damaged or altered.`);
  }
  return { manifest, parts };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "vetta-restore" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Parents before children; a table referencing itself is loaded in one statement (FK checks run at its end). */
function loadOrder(tables: string[], edges: Array<{ child: string; parent: string }>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (done.has(table)) return;
    if (visiting.has(table)) throw new Error(`Foreign keys form a cycle through "${table}": no load order exists.`);
    visiting.add(table);
    for (const e of edges) if (e.child === table && e.parent !== table) visit(e.parent);
    visiting.delete(table);
    done.add(table);
    order.push(table);
  };
  for (const t of [...tables].sort()) visit(t);
  return order;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const { manifest, parts } = await openArchive(options.archive);
  const secrets = openSecrets(parts.get("secrets.enc.json")!, options.passphrase);

  const known = new Set(readdirSync(migrationsDir));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw new Error(`The backup was taken at migrations this Vetta does not have (${unknown.join(", ")}): restore with the Vetta version ${manifest.vettaVersion} or newer.`);

  const filesDir = path.join(options.dataDir, "files");
  const secretsFile = path.join(options.dataDir, "secrets.json");
  for (const [what, where] of [["secrets", secretsFile], ["anchor file", options.anchorFile]] as const) {
    if (existsSync(where)) throw new Error(`Refusing to restore: ${where} (${what}) already exists. Restore into an empty data directory.`);
  }
  if (!options.writeEvidence && existsSync(filesDir) && readdirSync(filesDir).length > 0) throw new Error(`Refusing to restore: ${filesDir} already holds evidence files.`);
  const existing = await withClient(options.ownerUrl, (c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`));
  if (existing.rows[0]!.n > 0) throw new Error("Refusing to restore: the target database already has tables. Restore into an empty database.");

  // The schema as it was when the backup was taken.
  const partial = mkdtempSync(path.join(tmpdir(), "vetta-restore-migrations-"));
  try {
    for (const name of [...manifest.migrations, "migration_lock.toml"]) {
      if (existsSync(path.join(migrationsDir, name))) cpSync(path.join(migrationsDir, name), path.join(partial, name), { recursive: true });
    }
    await applyMigrations(options.ownerUrl, partial);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }

  const tables: Record<string, number> = {};
  await withClient(options.ownerUrl, async (client) => {
    const edges = (
      await client.query<{ child: string; parent: string }>(`
        SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public'`)
    ).rows;
    const names = Object.keys(manifest.tables);
    const selfReferencing = new Set(edges.filter((e) => e.child === e.parent).map((e) => e.child));
    await client.query("BEGIN");
    try {
      for (const table of loadOrder(names, edges.filter((e) => names.includes(e.parent)))) {
        const text = parts.get(`db/${table}.jsonl`)!.toString("utf8");
        let rows = text ? text.trimEnd().split("\n") : [];
        // The sealer only looks at events with txid >= the newest seal's floorTxid. Transaction ids
        // belong to the cluster that wrote them: in a new cluster they start low again, so an old
        // floor would leave every new event unsealed. Floor 0 makes the next pass look at all
        // unsealed events (floorTxid is not part of the keyed mac, so the chain still verifies).
        if (table === "AuditSeal") rows = rows.map((line) => JSON.stringify({ ...(JSON.parse(line) as object), floorTxid: 0 }));
        const batch = selfReferencing.has(table) ? Math.max(rows.length, 1) : INSERT_BATCH;
        for (let i = 0; i < rows.length; i += batch) {
          const json = `[${rows.slice(i, i + batch).join(",")}]`;
          await client.query(`INSERT INTO public.${ident(table)} SELECT * FROM json_populate_recordset(NULL::public.${ident(table)}, $1::json)`, [json]);
        }
        const counted = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM public.${ident(table)}`);
        tables[table] = counted.rows[0]!.n;
        if (tables[table] !== manifest.tables[table]) throw new Error(`${table}: loaded ${tables[table]} rows, the manifest says ${manifest.tables[table]}.`);
      }
      // Sequences (AuditEvent.seq) continue after the restored rows.
      const sequences = await client.query<{ seq: string; tbl: string; col: string }>(`
        SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col FROM pg_class s
        JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
        JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        JOIN pg_namespace n ON n.oid = s.relnamespace
        WHERE s.relkind = 'S' AND n.nspname = 'public'`);
      for (const { seq, tbl, col } of sequences.rows) {
        await client.query(`SELECT setval('public.${ident(seq)}', COALESCE((SELECT max(${ident(col)}) FROM public.${ident(tbl)}), 0) + 1, false)`);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });

  // Newer migrations of this Vetta, and the app role's grants.
  const { applied: appliedAfter } = await migrateAndGrant(options.ownerUrl, options.appUrl);

  let files = 0;
  for (const [name, data] of parts) {
    if (!name.startsWith("files/")) continue;
    const key = name.slice("files/".length);
    if (options.writeEvidence) {
      await options.writeEvidence(key, data);
    } else {
      const target = path.join(filesDir, ...key.split("/"));
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await writeFile(target, data, { mode: 0o600, flag: "wx" });
    }
    files += 1;
  }
  await mkdir(path.dirname(options.anchorFile), { recursive: true, mode: 0o700 });
  await writeFile(options.anchorFile, parts.get("audit-anchors.log") ?? Buffer.alloc(0), { mode: 0o600, flag: "wx" });
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  await writeFile(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });

  return { manifest, tables, files, secrets: Object.keys(secrets), appliedAfter };
}
