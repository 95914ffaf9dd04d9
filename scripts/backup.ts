/**
 * `npm run backup [OUT.tar]`: a consistent hot backup while Vetta runs (scripts/lib/backup.ts):
 * every table from one snapshot, the evidence files (from disk or the S3 bucket), the audit anchor file, and the secrets
 * sealed with VETTA_BACKUP_PASSPHRASE, in one .tar with a manifest and SHA-256 checksums.
 * Default output: vetta-backup-<time>.tar in the current directory.
 *
 * Works on DATABASE_URL / DATABASE_MIGRATION_URL, or the embedded PostgreSQL in .data/
 * (VETTA_DATA_DIR), reusing it when `npm start` runs it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { withAppDatabase } from "./lib/app-database";
import { createBackup } from "./lib/backup";
import { readSecret, type Secrets } from "./lib/secrets";

const dataDir = path.resolve(process.env.VETTA_DATA_DIR ?? ".data");
const passphrase = process.env.VETTA_BACKUP_PASSPHRASE;
if (!passphrase) {
  console.error("Set VETTA_BACKUP_PASSPHRASE (at least 12 characters): it seals the secrets inside the backup. Keep it apart from the backups.");
  process.exit(2);
}
const secrets: Record<string, string> = {};
for (const name of ["NEXTAUTH_SECRET", "VETTA_FILE_MASTER_KEY", "VETTA_AUDIT_KEY"] as Array<keyof Secrets>) {
  const value = await readSecret(dataDir, name);
  if (!value) {
    console.error(`No ${name}: set it, or run where ${path.join(dataDir, "secrets.json")} is (VETTA_DATA_DIR). A backup without it could not be opened.`);
    process.exit(2);
  }
  secrets[name] = value;
}
const out = path.resolve(process.argv[2] ?? `vetta-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.tar`);
// Evidence objects are read through the configured storage: VETTA_DATA_DIR/files, or the S3 bucket.
process.env.VETTA_DATA_DIR = dataDir;
const { defaultStorage } = await import("../lib/files/storage");
const { storageSettings } = await import("../lib/config/server-env");
const settings = storageSettings();
const storage = defaultStorage();
const evidenceSource = settings.kind === "s3" ? `S3 bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ""}` : `local disk ${path.join(dataDir, "files")}`;
const anchorFile = path.resolve(process.env.VETTA_AUDIT_ANCHOR_FILE ?? path.join(dataDir, "audit-anchors.log"));
const { version } = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string };

try {
  const manifest = await withAppDatabase(async ({ app, owner }) => {
    // Seal what the worker has not reached yet, so the newest events are in the chain and anchored.
    process.env.DATABASE_URL = app;
    process.env.VETTA_AUDIT_KEY = secrets.VETTA_AUDIT_KEY;
    const { sealAllOrganizations } = await import("../lib/db/audit");
    await sealAllOrganizations().catch((error: unknown) => console.warn(`[backup] could not seal pending audit events first: ${String(error)}`));
    return createBackup({ databaseUrl: owner, readEvidence: (key) => storage.get(key), evidenceSource, anchorFile, secrets, passphrase, out, vettaVersion: version });
  });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`Backup written: ${out}`);
  console.log(`  ${Object.keys(manifest.tables).length} tables, ${rows} rows, at migration ${manifest.migration}`);
  console.log(`  ${manifest.files.copied} evidence file(s) from the ${evidenceSource}${manifest.files.missing.length ? `; ${manifest.files.missing.length} named by the database but missing there: ${manifest.files.missing.join(", ")}` : ""}`);
  console.log(`  ${manifest.anchors} audit anchor(s); secrets sealed`);
  process.exit(0);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
