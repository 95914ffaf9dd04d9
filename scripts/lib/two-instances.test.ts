/**
 * Two Vetta instances (the production build, each its own server and job worker) on ONE
 * PostgreSQL and ONE S3 bucket, as behind a load balancer: requests alternate between them and
 * everything must hold whichever answers: a session made on A works on B; signing out on B ends
 * it on A; the sign-in throttle counts across both (a burst of 40 split between them lets exactly
 * 5 through); a file uploaded on A downloads on B; an import started on A completes (on either
 * worker); reminders fired on both workers at once go out once each (counted at a real SMTP
 * listener by Message-ID).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { PDF } from "@/lib/files/test-fixtures";
import { startS3Server, type TestS3Server } from "@/lib/testing/s3-server";
import { cleanEnv, ROOT, startApp, stopApp, type RunningApp } from "./app-under-test";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { callServerAction, HttpUser, serverActionId } from "./http-user";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

const PASSWORD = "two-instances-test-password-1";
const ADMIN = "admin@northbridge.example";
let work = "";
let db: EmbeddedDatabase | null = null;
let s3: TestS3Server | null = null;
let smtp: SmtpSink | null = null;
const apps: RunningApp[] = [];

afterAll(async () => {
  for (const app of apps) await stopApp(app);
  await db?.stop().catch(() => undefined);
  await s3?.stop();
  await smtp?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function actionId(file: string, name: string): string {
  return serverActionId(ROOT, file, name);
}

async function callAction(user: HttpUser, base: string, page: string, id: string, input: unknown): Promise<string> {
  const { status, text } = await callServerAction(user, base, page, id, input);
  expect(status, text.slice(0, 300)).toBe(200);
  return text;
}

describe("two instances on one PostgreSQL and one bucket", () => {
  it("sessions, sign-out, throttle, files, imports and reminders hold whichever instance answers", { timeout: 420_000 }, async () => {
    work = await mkdtemp(path.join(tmpdir(), "vetta-two-"));
    db = await startEmbeddedPostgres({ dataDir: path.join(work, "db"), databases: ["vetta"] });
    s3 = await startS3Server("shared-evidence");
    smtp = await startSmtpSink();
    const { endpoint, credentials } = s3.settings;
    const shared = {
      DATABASE_URL: db.appUrl("vetta"),
      DATABASE_MIGRATION_URL: db.ownerUrl("vetta"),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      VETTA_FILE_MASTER_KEY: randomBytes(32).toString("base64"),
      VETTA_AUDIT_KEY: randomBytes(32).toString("base64"),
      VETTA_DEMO_PASSWORD: PASSWORD,
      // Behind the load balancer: the client address comes from X-Forwarded-For.
      VETTA_TRUST_PROXY: "1",
      VETTA_STORAGE: "s3",
      VETTA_S3_BUCKET: "shared-evidence",
      VETTA_S3_ENDPOINT: endpoint!,
      VETTA_S3_ACCESS_KEY_ID: credentials!.accessKeyId,
      VETTA_S3_SECRET_ACCESS_KEY: credentials!.secretAccessKey,
      SMTP_URL: smtp.url,
      // Only the cycles this test fires (plus each worker's one at start), not the hourly one.
      VETTA_REMINDER_CRON: "0 0 1 1 *",
    };
    // A migrates and seeds; B, started after, finds both done (as a second machine would).
    const a = await startApp({ via: "tsx", env: cleanEnv({ ...shared, VETTA_DATA_DIR: path.join(work, "a") }) });
    apps.push(a);
    const b = await startApp({ via: "tsx", env: cleanEnv({ ...shared, VETTA_DATA_DIR: path.join(work, "b") }) });
    apps.push(b);
    const both = [a.url, b.url];

    // Sessions: signed in on A, the same cookie works on B, and requests alternate freely.
    const user = new HttpUser();
    expect(await user.signIn(a.url, ADMIN, PASSWORD)).toBe("SIGNED_IN");
    for (let i = 0; i < 6; i++) {
      const base = both[i % 2]!;
      const me = await user.fetch(`${base}/api/me`);
      expect({ base, status: me.status }).toEqual({ base, status: 200 });
      expect(((await me.json()) as { email: string }).email).toBe(ADMIN);
      const page = await user.fetch(`${base}${["/dashboard", "/vendors", "/renewals"][i % 3]}`);
      expect({ base, status: page.status }).toEqual({ base, status: 200 });
    }

    // Files: uploaded through A into the shared bucket, downloaded through B.
    const bytes = Buffer.concat([PDF, Buffer.from(`% ${randomBytes(12).toString("hex")}\n`)]);
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "shared.pdf");
    const uploaded = await user.fetch(`${a.url}/api/files`, { method: "POST", body: form });
    expect(uploaded.status).toBe(201);
    const { file } = (await uploaded.json()) as { file: { id: string } };
    const download = await user.fetch(`${b.url}/api/files/${file.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    // Imports: started on A, run by whichever worker takes the job, its status read on B.
    const vendor = `Two Instance Vendor ${randomBytes(3).toString("hex")}`;
    const csv = ["vendor,vendor_website,product,tier,deployment_model,processing_regions,retention_kind,retention_days,training_policy", `${vendor},https://two.example,Model One,BUSINESS,CLOUD_API,EU,DAYS,30,NEVER`, `${vendor},,Model Two,BUSINESS,CLOUD_API,US,DAYS,30,NEVER`].join("\n");
    const started = await callAction(user, a.url, "/vendors/import", actionId("app/(app)/vendors/actions.ts", "importRegisterAction"), { csv, fileName: "two.csv" });
    const jobId = /"jobId":"([^"]+)"/.exec(started)?.[1];
    expect(jobId, started).toBeTruthy();
    const statusId = actionId("app/(app)/vendors/actions.ts", "importStatusAction");
    await expect
      .poll(async () => /"status":"(\w+)"/.exec(await callAction(user, b.url, "/vendors/import", statusId, { jobId }))?.[1], { timeout: 60_000, interval: 500 })
      .toBe("DONE");
    const exported = await (await user.fetch(`${b.url}/api/vendors/export`)).text();
    expect(exported).toContain(`${vendor},https://two.example,,Model One`);

    // Reminders: DPAs made due in 5 days, then reminder cycles fired at both workers at once.
    // The startup cycles have run by now (both instances answered ready after their worker beat).
    const owner = db.ownerUrl("vetta");
    const dpas = await sql<{ n: number }>(owner, `WITH d AS (UPDATE "Dpa" SET "expiresAt" = current_date + 5 RETURNING 1) SELECT count(*)::int AS n FROM d`);
    expect(dpas[0]!.n).toBeGreaterThan(0);
    const boss = new PgBoss({ connectionString: db.appUrl("vetta"), schema: "pgboss", supervise: false, schedule: false, migrate: false });
    await boss.start();
    try {
      await Promise.all(Array.from({ length: 6 }, () => boss.send("vetta-reminders", {})));
    } finally {
      await boss.stop({ graceful: false });
    }
    await expect
      .poll(async () => (await sql<{ n: number }>(db!.appUrl("vetta"), `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'vetta-reminders' AND state NOT IN ('completed', 'failed', 'cancelled')`))[0]!.n, { timeout: 90_000, interval: 500 })
      .toBe(0);
    const outbox = await sql<{ id: string; to: string; sentAt: Date | null }>(owner, `SELECT "id", "to", "sentAt" FROM "OutboxEmail" WHERE "subject" LIKE '%DPA%'`);
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.filter((m) => m.sentAt === null)).toEqual([]);
    const deliveries = await sql<{ n: number; distinct: number }>(owner, `SELECT count(*)::int AS n, count(DISTINCT ("itemId", "dueOn", "threshold"))::int AS "distinct" FROM "ReminderDelivery" WHERE "itemKind" = 'DPA_EXPIRY'`);
    expect(deliveries[0]!.n).toBe(deliveries[0]!.distinct);
    // Each outbox row reached the SMTP listener exactly once (its Message-ID names the row).
    const arrivals = new Map<string, number>();
    for (const mail of smtp.received) if (mail.messageId) arrivals.set(mail.messageId, (arrivals.get(mail.messageId) ?? 0) + 1);
    for (const row of outbox) {
      const hits = [...arrivals].filter(([id]) => id.includes(row.id)).reduce((n, [, c]) => n + c, 0);
      expect({ row: row.id, hits }).toEqual({ row: row.id, hits: 1 });
    }

    // Sign-out on B ends the session on A too (a copy of the cookie kept from before is refused).
    const kept = user.snapshot();
    await user.signOut(b.url);
    expect((await kept.fetch(`${a.url}/api/me`)).status).toBe(401);
    expect((await kept.fetch(`${b.url}/api/me`)).status).toBe(401);

    // Throttle: 40 wrong passwords at once, split between A and B, each from its own address:
    // the account's limit (5) is counted in PostgreSQL, so exactly 5 are checked in all.
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => new HttpUser().signIn(both[i % 2]!, "compliance@northbridge.example", `wrong password ${i}`, { "X-Forwarded-For": `198.51.100.${i + 1}` })),
    );
    const count = (o: string) => outcomes.filter((x) => x === o).length;
    // Exactly 5 checked across both instances, none let in; the rest refused by the throttle, or
    // (on a saturated machine) answered 503 "try again" by the database time limits: never a 500.
    const other = outcomes.filter((o) => o !== "CredentialsSignin" && o !== "TooManyAttempts");
    expect({ checked: count("CredentialsSignin"), signedIn: count("SIGNED_IN") }).toEqual({ checked: 5, signedIn: 0 });
    expect(other.filter((o) => o !== "HTTP 503"), outcomes.join(", ")).toEqual([]);
    expect(count("TooManyAttempts")).toBeGreaterThanOrEqual(30);
    // …and the right password is refused on either instance now.
    expect(await new HttpUser().signIn(b.url, "compliance@northbridge.example", PASSWORD, { "X-Forwarded-For": "198.51.100.200" })).toBe("TooManyAttempts");
  });
});
