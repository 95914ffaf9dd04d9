/**
 * `npm run restore ARCHIVE`: a backup from `npm run backup` into an EMPTY installation, then
 * checks it: every part's SHA-256, every evidence file decrypted against its recorded SHA-256
 * with the restored master key, and every organisation's audit chain against the restored
 * anchors (lib/db/audit, as `npm run audit:verify`). Exits 1 when any check fails.
 *
 * Target: DATABASE_URL (app role) and DATABASE_MIGRATION_URL (owner role) of an empty database,
 * or else a new embedded PostgreSQL in VETTA_DATA_DIR (default .data). Evidence files go where
 * the restored Vetta reads them (VETTA_DATA_DIR/files, or the S3 bucket with VETTA_STORAGE=s3);
 * the anchor file and secrets.json go into VETTA_DATA_DIR. Needs VETTA_BACKUP_PASSPHRASE.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { restoreBackup } from "./lib/restore";

const archive = process.argv[2];
const passphrase = process.env.VETTA_BACKUP_PASSPHRASE;
if (!archive || !passphrase) {
  console.error("Use: VETTA_BACKUP_PASSPHRASE=… npm run restore -- path/to/vetta-backup.tar");
  process.exit(2);
}
if (!existsSync(archive)) {
  // Before anything starts: a mistyped path must not leave a new cluster in the data directory.
  console.error(`No such archive: ${path.resolve(archive)}`);
  process.exit(2);
}
const dataDir = path.resolve(process.env.VETTA_DATA_DIR ?? ".data");
const anchorFile = path.resolve(process.env.VETTA_AUDIT_ANCHOR_FILE ?? path.join(dataDir, "audit-anchors.log"));

let embedded: EmbeddedDatabase | null = null;
let failures = 0;
try {
  let appUrl = process.env.DATABASE_URL;
  let ownerUrl = process.env.DATABASE_MIGRATION_URL ?? appUrl;
  if (!appUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, databases: ["vetta"] });
    appUrl = embedded.appUrl("vetta");
    ownerUrl = embedded.ownerUrl("vetta");
  }
  // Evidence objects go where this Vetta will read them: VETTA_DATA_DIR/files, or the S3 bucket.
  process.env.VETTA_DATA_DIR = dataDir;
  const { storageSettings } = await import("../lib/config/server-env");
  const settings = storageSettings();
  const { defaultStorage, MissingStorageObjectError } = await import("../lib/files/storage");
  const bucket = settings.kind === "s3" ? defaultStorage() : null;
  const writeEvidence = bucket
    ? async (key: string, bytes: Buffer) => {
        // The same object already there (restoring into the bucket the backup came from) is fine;
        // a different one under the same key is someone else's file and is never overwritten.
        const existing = await bucket.get(key).catch((error: unknown) => (error instanceof MissingStorageObjectError ? null : Promise.reject(error)));
        if (existing && !existing.equals(bytes)) throw new Error(`Refusing to restore: the bucket already holds a different object under ${key}.`);
        if (!existing) await bucket.put(key, bytes);
      }
    : undefined;
  const result = await restoreBackup({ archive: path.resolve(archive), passphrase, ownerUrl: ownerUrl!, appUrl, dataDir, anchorFile, writeEvidence });
  const { manifest } = result;
  console.log(`Restored the backup of ${manifest.createdAt} (Vetta ${manifest.vettaVersion}, migration ${manifest.migration}); every part matched its SHA-256.`);
  for (const [table, n] of Object.entries(result.tables)) console.log(`  ${table.padEnd(28)} ${n} row(s)`);
  if (result.appliedAfter.length) console.log(`  then applied newer migrations: ${result.appliedAfter.join(", ")}`);
  console.log(`  ${result.files} evidence file(s) into ${settings.kind === "s3" ? `S3 bucket ${settings.bucket}` : path.join(dataDir, "files")}; anchor file ${anchorFile}; secrets (${result.secrets.join(", ")}) into ${path.join(dataDir, "secrets.json")}`);

  process.env.DATABASE_URL = appUrl;
  process.env.VETTA_DATA_DIR = dataDir;
  process.env.VETTA_AUDIT_ANCHOR_FILE = anchorFile;
  const secrets = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as Record<string, string>;
  process.env.VETTA_FILE_MASTER_KEY = secrets.VETTA_FILE_MASTER_KEY;
  process.env.VETTA_AUDIT_KEY = secrets.VETTA_AUDIT_KEY;

  // Every evidence file opens with the restored master key and matches its recorded SHA-256.
  const { decryptFile } = await import("../lib/files/envelope-encryption");
  // Through the configured storage: the restored files on disk, or the S3 bucket (VETTA_STORAGE=s3).
  const storage = defaultStorage();
  const masterKey = Buffer.from(secrets.VETTA_FILE_MASTER_KEY!, "base64");
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const evidence = await client.query<{ storageKey: string; wrappedKey: string; iv: string; authTag: string; sha256: string }>(
    `SELECT "storageKey", "wrappedKey", "iv", "authTag", "sha256" FROM "EvidenceFile"`,
  );
  await client.end();
  let opened = 0;
  for (const row of evidence.rows) {
    try {
      const ciphertext = await storage.get(row.storageKey);
      decryptFile({ ciphertext, wrappedKey: row.wrappedKey, iv: row.iv, authTag: row.authTag }, masterKey, row.sha256);
      opened += 1;
    } catch (error) {
      failures += 1;
      console.log(`BROKEN  evidence file ${row.storageKey}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`ok      ${opened} of ${evidence.rows.length} evidence file(s) decrypt to their recorded SHA-256`);

  const { verifyAuditChains } = await import("../lib/db/audit");
  const { organizations, anchorFile: anchors } = await verifyAuditChains();
  for (const line of anchors.invalid) {
    failures += 1;
    console.log(`BROKEN  anchor file line ${line.line}: ${line.error}`);
  }
  for (const r of organizations) {
    if (r.broken) {
      failures += 1;
      console.log(`BROKEN  audit chain of ${r.organizationName} (${r.organizationId}) at #${r.broken.seq}: ${r.broken.reason}`);
    } else {
      console.log(`ok      audit chain of ${r.organizationName}: ${r.events} events, ${r.sealed} sealed, ${r.pending} not yet sealed, intact`);
    }
  }
  console.log(failures ? `Restore finished with ${failures} failed check(s).` : "Restore finished: every check passed.");
} catch (error) {
  failures += 1;
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
}
await embedded?.stop().catch(() => undefined);
process.exit(failures ? 1 : 0);
