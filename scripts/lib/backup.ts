/**
 * `npm run backup`'s work: one consistent, hot backup into one .tar.
 *
 * Consistency without pg_dump (the embedded PostgreSQL ships none): every table of the `public`
 * schema is read inside ONE `REPEATABLE READ READ ONLY` transaction, so all tables come from the
 * same snapshot while the app keeps writing. Rows travel as row_to_json lines (db/<Table>.jsonl),
 * read through a cursor a batch at a time. `_prisma_migrations` is not copied: the manifest
 * names the applied migrations, and restore replays them with the schema engine. The `pgboss`
 * schema (job queue) is left out on purpose: its jobs are transient, the worker re-creates its
 * schedules on start, and a restored queue would re-send e-mails already sent.
 *
 * Outside the database: the evidence files the snapshot's EvidenceFile rows name (stored
 * encrypted; copied as they are, from the local disk or the S3 bucket, whichever Vetta uses), the audit anchor file cut to the chain heads the snapshot
 * holds (an anchor for a seal made after the snapshot would make the restored chain look
 * truncated), and the secrets, sealed with the passphrase (backup-secrets.ts).
 * manifest.json, written last, records what, when, which version and migration, row counts and
 * the SHA-256 of every other part.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { deriveAuditKeys, parseAnchorLine } from "../../lib/domain/audit-seal";
import { sealSecrets } from "./backup-secrets";
import { TarWriter } from "./tar";

export const BACKUP_FORMAT = "vetta-backup/1";
const BATCH = 2000;
/** The form lib/files/storage.ts generates; anything else is not read from disk. */
const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface BackupPart {
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  vettaVersion: string;
  /** The newest applied migration, and all of them in order. */
  migration: string | null;
  migrations: string[];
  /** Rows per table, as of the snapshot. */
  tables: Record<string, number>;
  /**
   * Evidence files copied into the archive, from `from` (the local disk or an S3 bucket).
   * `inArchive: false` only in archives of an older Vetta, which left files in S3 out.
   */
  files: { inArchive: boolean; from?: string; copied: number; missing: string[] };
  anchors: number;
  left_out: string[];
  parts: Record<string, BackupPart>;
}

export interface BackupOptions {
  /** A role that can read every table of `public` (the owner role). */
  databaseUrl: string;
  /**
   * Reads one stored evidence object (ciphertext) by key: the configured storage, local disk or
   * S3. A missing object must reject with `code: "ENOENT"` (both stores do).
   */
  readEvidence: (key: string) => Promise<Buffer>;
  /** Where the files come from, as the manifest should say ("local disk", "S3 bucket x"). */
  evidenceSource: string;
  anchorFile: string;
  secrets: Record<string, string>;
  passphrase: string;
  out: string;
  vettaVersion: string;
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const auditKey = options.secrets.VETTA_AUDIT_KEY;
  if (!auditKey) throw new Error("No audit key among the secrets: the anchor file cannot be cut to the snapshot.");
  const sealedSecrets = sealSecrets(options.secrets, options.passphrase);
  const tar = await TarWriter.create(options.out);
  const parts: Record<string, BackupPart> = {};
  const add = async (name: string, data: Buffer) => {
    parts[name] = { bytes: data.length, sha256: sha256(data) };
    await tar.add(name, data);
  };

  const tables: Record<string, number> = {};
  const storageKeys: string[] = [];
  const chainHeads = new Map<string, number>();
  let migrations: string[] = [];
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "vetta-backup" });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    migrations = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.migration_name);
    const names = (
      await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`)
    ).rows.map((r) => r.tablename);
    for (const table of names) {
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM public.${ident(table)} t`);
      const lines: string[] = [];
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const { j } of rows) {
          lines.push(j);
          if (table === "EvidenceFile") storageKeys.push((JSON.parse(j) as { storageKey: string }).storageKey);
          if (table === "AuditSeal") {
            const seal = JSON.parse(j) as { organizationId: string; seq: number };
            chainHeads.set(seal.organizationId, Math.max(chainHeads.get(seal.organizationId) ?? 0, seal.seq));
          }
        }
        if (rows.length < BATCH) break;
      }
      await client.query("CLOSE backup_rows");
      tables[table] = lines.length;
      await add(`db/${table}.jsonl`, Buffer.from(lines.length ? `${lines.join("\n")}\n` : ""));
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }

  // Evidence files are written once under a fresh key and never changed, so copying them after
  // the snapshot gives the bytes the snapshot's rows describe.
  const missing: string[] = [];
  let copied = 0;
  for (const key of storageKeys) {
    if (!STORAGE_KEY.test(key)) {
      missing.push(key);
      continue;
    }
    try {
      await add(`files/${key}`, await options.readEvidence(key));
      copied += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(key);
    }
  }

  const anchorKey = deriveAuditKeys(auditKey).anchor;
  let anchorText = "";
  try {
    anchorText = await readFile(options.anchorFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const kept = anchorText.split("\n").filter((line) => {
    if (!line.trim()) return false;
    const parsed = parseAnchorLine(anchorKey, line);
    // Lines that do not verify are kept: restore's chain check must still report them.
    return !("anchor" in parsed) || parsed.anchor.seq <= (chainHeads.get(parsed.anchor.organizationId) ?? 0);
  });
  await add("audit-anchors.log", Buffer.from(kept.map((l) => `${l}\n`).join("")));
  await add("secrets.enc.json", sealedSecrets);

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    vettaVersion: options.vettaVersion,
    migration: migrations.at(-1) ?? null,
    migrations,
    tables,
    files: { inArchive: true, from: options.evidenceSource, copied, missing },
    anchors: kept.length,
    left_out: ["_prisma_migrations (replayed from prisma/migrations on restore)", "schema pgboss (transient job queue; the worker re-creates it)"],
    parts,
  };
  await tar.add("manifest.json", Buffer.from(JSON.stringify(manifest, null, 2)));
  await tar.close();
  return manifest;
}
