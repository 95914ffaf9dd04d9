/**
 * The sentence, end to end on the real app: back up while writes run, restore into a
 * fresh directory, START Vetta on the restored data, sign in, download an evidence file (the
 * same bytes), verify the audit chain. Evidence lives in an S3 bucket (s3rver, a real S3 API):
 * the backup must carry the objects, and the restore must put them into the restored Vetta's
 * own (empty) bucket.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PDF } from "@/lib/files/test-fixtures";
import { startS3Server, type TestS3Server } from "@/lib/testing/s3-server";
import { cleanEnv, ROOT, startApp, stopApp, type RunningApp } from "./app-under-test";
import { HttpUser } from "./http-user";

const PASSWORD = "backup-app-test-password-1";
const PASSPHRASE = "correct horse battery staple restore";
const ADMIN = "admin@northbridge.example";
let work = "";
let s3: TestS3Server | null = null;
const apps: RunningApp[] = [];

afterAll(async () => {
  for (const app of apps) await stopApp(app);
  await s3?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

function s3Env(bucket: string): Record<string, string> {
  const { endpoint, credentials } = s3!.settings;
  return { VETTA_STORAGE: "s3", VETTA_S3_BUCKET: bucket, VETTA_S3_ENDPOINT: endpoint!, VETTA_S3_ACCESS_KEY_ID: credentials!.accessKeyId, VETTA_S3_SECRET_ACCESS_KEY: credentials!.secretAccessKey };
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", script, ...args], { cwd: ROOT, env });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

async function upload(user: HttpUser, base: string, bytes: Buffer, name: string): Promise<string> {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), name);
  const response = await user.fetch(`${base}/api/files`, { method: "POST", body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { file: { id: string } }).file.id;
}

describe("backup of a running Vetta with evidence in S3, restored and started", () => {
  it("back up during writes, restore into a fresh directory and an empty bucket, start, sign in, download the same bytes, chain intact", { timeout: 420_000 }, async () => {
    work = await mkdtemp(path.join(tmpdir(), "vetta-backup-app-"));
    s3 = await startS3Server("source-evidence", ["restored-evidence"]);
    const sourceDir = path.join(work, "source");
    const source = cleanEnv({ VETTA_DATA_DIR: sourceDir, VETTA_DEMO_PASSWORD: PASSWORD, ...s3Env("source-evidence") });
    const a = await startApp({ via: "tsx", env: source });
    apps.push(a);

    const admin = new HttpUser();
    expect(await admin.signIn(a.url, ADMIN, PASSWORD)).toBe("SIGNED_IN");
    const original = Buffer.concat([PDF, Buffer.from(`% ${randomBytes(16).toString("hex")}\n`)]);
    const fileId = await upload(admin, a.url, original, "dpa.pdf");

    // Audited writes (uploads) keep arriving while the backup runs.
    let running = true;
    let written = 0;
    const writers = Array.from({ length: 2 }, async () => {
      while (running) {
        await upload(admin, a.url, Buffer.concat([PDF, Buffer.from(`% ${randomBytes(8).toString("hex")}\n`)]), "during.pdf");
        written += 1;
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    const before = written;
    const archive = path.join(work, "vetta.tar");
    const backup = await runScript("scripts/backup.ts", [archive], { ...source, VETTA_BACKUP_PASSPHRASE: PASSPHRASE });
    const during = written - before;
    running = false;
    await Promise.all(writers);
    expect(backup.out).toContain("Backup written");
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/evidence file\(s\) from the S3 bucket source-evidence/);
    expect(during).toBeGreaterThan(0);
    await stopApp(a);

    // A new machine: empty data directory, empty bucket.
    const restoredDir = path.join(work, "restored");
    const target = cleanEnv({ VETTA_DATA_DIR: restoredDir, ...s3Env("restored-evidence") });
    const restore = await runScript("scripts/restore.ts", [archive], { ...target, VETTA_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(restore.out).toContain("Restore finished: every check passed.");
    expect(restore.out).toMatch(/evidence file\(s\) into S3 bucket restored-evidence/);
    expect(restore.code).toBe(0);

    const b = await startApp({ via: "tsx", env: target });
    apps.push(b);
    const again = new HttpUser();
    expect(await again.signIn(b.url, ADMIN, PASSWORD)).toBe("SIGNED_IN");
    const download = await again.fetch(`${b.url}/api/files/${fileId}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(original)).toBe(true);

    // The chain verifies on the restored installation, with the writes made since the restore.
    await upload(again, b.url, Buffer.concat([PDF, Buffer.from("% after restore\n")]), "after.pdf");
    const verify = await runScript("scripts/audit-verify.ts", [], target);
    expect(verify.out).toMatch(/ok {6}Northbridge.*chain intact/);
    expect(verify.out).not.toContain("BROKEN");
    expect(verify.code).toBe(0);
    await stopApp(b);
  });
});
