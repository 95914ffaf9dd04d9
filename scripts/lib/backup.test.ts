/**
 * Backup and restore against real PostgreSQL: a hot backup taken while audited writes and the
 * sealer run, restored by the real `npm run restore` into a fresh embedded PostgreSQL in a new
 * directory. Its own source database (and app role), so the audit chains in it are all this
 * process's, keyed with this process's audit key and anchored in its anchor file.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createBackup, type BackupManifest } from "./backup";
import { grantRuntimePrivileges, OWNER_ROLE, urlAs } from "./db-roles";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { openArchive, restoreBackup } from "./restore";
import { applyMigrations } from "./schema-engine";

const root = path.resolve(import.meta.dirname, "..", "..");
const PASSPHRASE = "correct horse battery staple backup";
const sourceName = `bk_src_${randomBytes(5).toString("hex")}`;
const appRole = `bk_app_${randomBytes(5).toString("hex")}`;
let sourceUrl = "";
let work = "";

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const adminUrl = inject("adminUrl");
  await sql(adminUrl, `CREATE DATABASE ${sourceName}`);
  const appPassword = randomBytes(12).toString("hex");
  await sql(adminUrl, `CREATE ROLE ${appRole} LOGIN NOSUPERUSER PASSWORD '${appPassword}'`);
  const u = new URL(adminUrl);
  u.pathname = `/${sourceName}`;
  sourceUrl = u.toString();
  await applyMigrations(sourceUrl);
  await grantRuntimePrivileges(sourceUrl, appRole);
  // lib/db is imported only below, so its one Prisma client connects to this database.
  process.env.DATABASE_URL = urlAs(sourceUrl, appRole, appPassword);
  work = await mkdtemp(path.join(tmpdir(), "vetta-backup-it-"));
});

afterAll(async () => {
  const adminUrl = inject("adminUrl");
  const { prisma } = await import("@/lib/db/prisma-client");
  await prisma.$disconnect();
  await sql(adminUrl, `DROP DATABASE IF EXISTS ${sourceName} WITH (FORCE)`);
  await sql(adminUrl, `DROP OWNED BY ${appRole}; DROP ROLE IF EXISTS ${appRole}`).catch(() => undefined);
  if (work) await rm(work, { recursive: true, force: true });
});

function runRestore(archive: string, dataDir: string): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, VETTA_DATA_DIR: dataDir, VETTA_BACKUP_PASSPHRASE: PASSPHRASE };
  // The restored installation must run on what the archive holds, not on this process's settings.
  for (const name of ["DATABASE_URL", "DATABASE_MIGRATION_URL", "VETTA_AUDIT_KEY", "VETTA_FILE_MASTER_KEY", "VETTA_AUDIT_ANCHOR_FILE", "NEXTAUTH_SECRET"]) delete env[name];
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", "scripts/restore.ts", archive], { cwd: root, env });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("npm run backup / npm run restore", () => {
  it("a backup taken during audited writes restores into a fresh directory: counts match, the chain verifies, a file decrypts", async () => {
    const { createTestOrganization } = await import("@/lib/testing/fixtures");
    const { recordAuditEvent, sealAllOrganizations } = await import("@/lib/db/audit");
    const { recordEvidenceFile } = await import("@/lib/db/evidence-files");
    const { storeEvidence } = await import("@/lib/files/evidence-store");
    const { LocalDiskStorage } = await import("@/lib/files/storage");
    const { PDF } = await import("@/lib/files/test-fixtures");

    const org = await createTestOrganization("Backup MSP");
    const ctx = org.as.ADMIN;
    const filesDir = path.join(work, "source", "files");
    const original = Buffer.concat([PDF, Buffer.from(`% ${randomBytes(16).toString("hex")}\n`)]);
    const stored = await storeEvidence(original, "policy.pdf", new LocalDiskStorage(filesDir));
    const file = await recordEvidenceFile(ctx, stored);
    await sealAllOrganizations();

    // Writers and the sealer keep going while the backup runs.
    let running = true;
    let written = 0;
    const writers = Array.from({ length: 4 }, async () => {
      while (running) {
        await recordAuditEvent(ctx, { action: "backup.test", entityType: "Test", entityId: "w", summary: { write: written } });
        written += 1;
      }
    });
    const sealer = (async () => {
      while (running) {
        await sealAllOrganizations();
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const before = written;
    const archive = path.join(work, "backup.tar");
    const manifest: BackupManifest = await createBackup({
      databaseUrl: sourceUrl,
      readEvidence: (key) => new LocalDiskStorage(filesDir).get(key),
      evidenceSource: "local disk",
      anchorFile: process.env.VETTA_AUDIT_ANCHOR_FILE!,
      secrets: { NEXTAUTH_SECRET: "backup-test", VETTA_FILE_MASTER_KEY: process.env.VETTA_FILE_MASTER_KEY!, VETTA_AUDIT_KEY: process.env.VETTA_AUDIT_KEY! },
      passphrase: PASSPHRASE,
      out: archive,
      vettaVersion: "0.1.0",
    });
    await new Promise((r) => setTimeout(r, 100));
    running = false;
    await Promise.all([...writers, sealer]);
    expect(written).toBeGreaterThan(before); // writes ran while the backup did

    expect(manifest.tables.AuditEvent).toBeGreaterThan(0);
    expect(manifest.tables.AuditSeal).toBeGreaterThan(0);
    expect(manifest.tables.EvidenceFile).toBe(1);
    expect(manifest.files).toEqual({ inArchive: true, from: "local disk", copied: 1, missing: [] });
    expect(manifest.migration).toBe(manifest.migrations.at(-1));
    expect(Object.keys(manifest.parts)).toContain("secrets.enc.json");
    // The secrets are in the archive only sealed.
    expect(readFileSync(archive).includes(Buffer.from(process.env.VETTA_AUDIT_KEY!))).toBe(false);

    const restoredDir = path.join(work, "restored");
    const { code, out } = await runRestore(archive, restoredDir);
    expect(out).toContain("every check passed");
    expect(out).toMatch(/ok {6}1 of 1 evidence file\(s\) decrypt/);
    expect(out).toMatch(/ok {6}audit chain of Backup MSP .*intact/);
    expect(code).toBe(0);

    const db = await startEmbeddedPostgres({ dataDir: restoredDir });
    try {
      const ownerUrl = db.ownerUrl("vetta");
      for (const [table, rows] of Object.entries(manifest.tables)) {
        const { rows: counted } = await sql<{ n: number }>(ownerUrl, `SELECT count(*)::int AS n FROM "${table}"`);
        expect({ table, rows: counted[0]!.n }).toEqual({ table, rows });
      }
      const row = (await sql<{ storageKey: string; wrappedKey: string; iv: string; authTag: string; sha256: string; owner: string }>(
        ownerUrl,
        `SELECT "storageKey", "wrappedKey", "iv", "authTag", "sha256", (SELECT tableowner FROM pg_tables WHERE tablename = 'EvidenceFile') AS owner FROM "EvidenceFile" WHERE id = $1`,
        [file.id],
      )).rows[0]!;
      expect(row.owner).toBe(OWNER_ROLE);
      // Seal floors are from the old cluster's transaction ids; reset so the sealer sees new events.
      expect((await sql<{ n: number }>(ownerUrl, `SELECT count(*)::int AS n FROM "AuditSeal" WHERE "floorTxid" <> 0`)).rows[0]!.n).toBe(0);
      const secrets = JSON.parse(await readFile(path.join(restoredDir, "secrets.json"), "utf8")) as Record<string, string>;
      const { decryptFile } = await import("@/lib/files/envelope-encryption");
      const ciphertext = await readFile(path.join(restoredDir, "files", ...row.storageKey.split("/")));
      const plain = decryptFile({ ciphertext, wrappedKey: row.wrappedKey, iv: row.iv, authTag: row.authTag }, Buffer.from(secrets.VETTA_FILE_MASTER_KEY!, "base64"), row.sha256);
      expect(plain.equals(original)).toBe(true);

      // Restoring again into the now non-empty database is refused, and nothing is changed.
      const again = restoreBackup({ archive, passphrase: PASSPHRASE, ownerUrl, appUrl: db.appUrl("vetta"), dataDir: path.join(work, "other"), anchorFile: path.join(work, "other", "a.log") });
      await expect(again).rejects.toThrow(/already has tables/);
    } finally {
      await db.stop();
    }
  }, 240_000);

  it("refuses a wrong passphrase and an altered archive", async () => {
    const archive = path.join(work, "backup.tar");
    const dataDir = path.join(work, "never");
    const attempt = (file: string, passphrase: string) =>
      restoreBackup({ archive: file, passphrase, ownerUrl: sourceUrl, appUrl: sourceUrl, dataDir, anchorFile: path.join(dataDir, "a.log") });
    await expect(attempt(archive, "not the passphrase at all")).rejects.toThrow(/passphrase does not open/);
    const bytes = await readFile(archive);
    const { parts } = await openArchive(archive);
    const table = parts.get("db/AuditEvent.jsonl")!;
    const at = bytes.indexOf(table.subarray(0, 64));
    bytes[at + 10] = bytes[at + 10]! ^ 1;
    const altered = path.join(work, "altered.tar");
    await writeFile(altered, bytes);
    await expect(attempt(altered, PASSPHRASE)).rejects.toThrow(/Checksum mismatch for db\/AuditEvent.jsonl/);
  });
});
