/**
 * `npm run load`: Vetta under concurrent signed-in users, measured against the production build
 * (not part of `npm test`; it takes a few minutes and the figures depend on the machine).
 *
 *  1. A throwaway embedded PostgreSQL with pg_stat_statements, the real `scripts/start.ts` on it
 *     (demo organisation seeded), and 1,000 vendors / 2,000 products imported through the import
 *     action, so the lists are not trivially small.
 *  2. Each main page's own SQL, as PostgreSQL timed it: statements and execution time per page
 *     load (pg_stat_statements over sequential loads by one user), beside that page's latency.
 *  3. 16, then 64 signed-in compliance officers (each its own session; Reviews is their page)
 *     loading the main pages round-robin at
 *     once: p50/p95 per page and the error count (anything but 200).
 *  4. 1,000 audited writes (create a vendor: one transaction with its audit event) fired at once
 *     over HTTP, then the audit chain verified.
 * Figures go to BENCHMARKS.md ("## Concurrent load"), replacing the previous ones.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { cleanEnv, ROOT, startApp, stopApp, type RunningApp } from "./lib/app-under-test";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { callServerAction, HttpUser, serverActionId } from "./lib/http-user";

const FILE = path.join(ROOT, "BENCHMARKS.md");
const HEADING = "## Concurrent load";
const PASSWORD = "load-run-password-2026";
const ADMIN = "admin@northbridge.example";
// Sees every main page (Reviews is the compliance officer's), so the virtual users are officers.
const OFFICER = "compliance@northbridge.example";
const IMPORT_VENDORS = 1_000;
const WRITES = 1_000;
const ROUNDS = 2; // each user loads every page this many times per level
const SQL_LOADS = 5; // sequential loads per page for its SQL figures

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function writeSection(section: string) {
  const existing = await readFile(FILE, "utf8").catch(() => "# Benchmarks\n\n");
  const start = existing.indexOf(`${HEADING}\n`);
  if (start < 0) return writeFile(FILE, `${existing.trimEnd()}\n\n${section}`);
  const next = existing.indexOf("\n## ", start + 1);
  await writeFile(FILE, `${existing.slice(0, start)}${section}${next >= 0 ? `\n${existing.slice(next + 1)}` : ""}`);
}

function runScript(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", script], { cwd: ROOT, env });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

const work = await mkdtemp(path.join(tmpdir(), "vetta-load-"));
let db: EmbeddedDatabase | null = null;
let app: RunningApp | null = null;
const loadAverage = os.loadavg()[0]!;
try {
  console.log("[load] starting PostgreSQL (with pg_stat_statements) and Vetta's production build…");
  db = await startEmbeddedPostgres({ dataDir: path.join(work, "db"), databases: ["vetta"], settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "top" } });
  const superuser = db.url("vetta");
  await sql(superuser, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  const dataDir = path.join(work, "app");
  const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString("base64"), VETTA_FILE_MASTER_KEY: randomBytes(32).toString("base64"), VETTA_AUDIT_KEY: randomBytes(32).toString("base64") };
  const env = cleanEnv({
    ...secrets,
    DATABASE_URL: db.appUrl("vetta"),
    DATABASE_MIGRATION_URL: db.ownerUrl("vetta"),
    VETTA_DATA_DIR: dataDir,
    VETTA_DEMO_PASSWORD: PASSWORD,
    // Every virtual user signs in from its own address, as real users would.
    VETTA_TRUST_PROXY: "1",
  });
  app = await startApp({ via: "tsx", env });
  const base = app.url;

  const admin = new HttpUser();
  if ((await admin.signIn(base, ADMIN, PASSWORD, { "X-Forwarded-For": "203.0.113.250" })) !== "SIGNED_IN") throw new Error("the demo admin could not sign in");
  console.log(`[load] importing ${IMPORT_VENDORS} vendors / ${IMPORT_VENDORS * 2} products…`);
  const header = "vendor,vendor_website,product,tier,deployment_model,processing_regions,retention_kind,retention_days,training_policy";
  const rows = Array.from({ length: IMPORT_VENDORS }, (_, i) => [`Load Vendor ${i}`, `Load Vendor ${i}`].map((v, j) => `${v},https://v${i}.example,Model ${j},BUSINESS,CLOUD_API,EU,DAYS,30,NEVER`)).flat();
  const importId = serverActionId(ROOT, "app/(app)/vendors/actions.ts", "importRegisterAction");
  const statusId = serverActionId(ROOT, "app/(app)/vendors/actions.ts", "importStatusAction");
  const started = await callServerAction(admin, base, "/vendors/import", importId, { csv: [header, ...rows].join("\n"), fileName: "load.csv" });
  const jobId = /"jobId":"([^"]+)"/.exec(started.text)?.[1];
  if (!jobId) throw new Error(`the import did not start: ${started.status} ${started.text.slice(0, 300)}`);
  for (let status = ""; status !== "DONE"; ) {
    await new Promise((r) => setTimeout(r, 1000));
    status = /"status":"(\w+)"/.exec((await callServerAction(admin, base, "/vendors/import", statusId, { jobId })).text)?.[1] ?? "";
    if (status === "FAILED") throw new Error("the import failed");
  }

  const [product] = await sql<{ id: string }>(db.ownerUrl("vetta"), `SELECT p."id" FROM "Product" p JOIN "Assessment" a ON a."productId" = p."id" GROUP BY p."id" ORDER BY count(*) DESC LIMIT 1`).catch(
    () => sql<{ id: string }>(db!.ownerUrl("vetta"), `SELECT "id" FROM "Product" ORDER BY "createdAt" LIMIT 1`),
  );
  const pages: Array<[string, string]> = [
    ["dashboard", "/dashboard"],
    ["vendors", "/vendors"],
    ["products", "/products"],
    ["a product page", `/products/${product!.id}`],
    ["renewals", "/renewals"],
    ["reviews", "/reviews"],
  ];
  const officer = new HttpUser();
  if ((await officer.signIn(base, OFFICER, PASSWORD, { "X-Forwarded-For": "203.0.113.251" })) !== "SIGNED_IN") throw new Error("the demo compliance officer could not sign in");
  for (const [name, url] of pages) {
    const r = await officer.fetch(`${base}${url}`);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${name} (${url}) answered ${r.status} to the compliance officer`);
  }

  // Each page's own SQL: what PostgreSQL executed for it, per load (the worker's few background
  // statements in the same seconds are included; they are well under a millisecond).
  console.log("[load] timing each page's SQL…");
  const appRole = (await sql<{ oid: number }>(superuser, "SELECT oid FROM pg_roles WHERE rolname = 'vetta_app'"))[0]!.oid;
  const perPage: Record<string, { sqlMs: number; statements: number; aloneMs: number }> = {};
  for (const [name, url] of pages) {
    await sql(superuser, "SELECT pg_stat_statements_reset()");
    const times: number[] = [];
    for (let i = 0; i < SQL_LOADS; i++) {
      const t = performance.now();
      const r = await officer.fetch(`${base}${url}`);
      await r.arrayBuffer();
      times.push(performance.now() - t);
    }
    const [stats] = await sql<{ ms: number; calls: number }>(
      superuser,
      `SELECT COALESCE(sum(total_exec_time), 0)::float8 AS ms, COALESCE(sum(calls), 0)::int AS calls FROM pg_stat_statements WHERE userid = $1 AND dbid = (SELECT oid FROM pg_database WHERE datname = 'vetta')`,
      [appRole],
    );
    times.sort((x, y) => x - y);
    perPage[name] = { sqlMs: stats!.ms / SQL_LOADS, statements: stats!.calls / SQL_LOADS, aloneMs: pct(times, 0.5) };
  }

  // Signed-in users: one session each (sign-ins one after another; argon2 is deliberately slow).
  const users: HttpUser[] = [];
  for (let i = 0; i < 64; i++) {
    const user = new HttpUser();
    const outcome = await user.signIn(base, OFFICER, PASSWORD, { "X-Forwarded-For": `203.0.113.${i + 1}` });
    if (outcome !== "SIGNED_IN") throw new Error(`virtual user ${i} could not sign in: ${outcome}`);
    users.push(user);
  }

  const levels: Array<{ users: number; wallMs: number; requests: number; errors: number; byPage: Record<string, { p50: number; p95: number }>; all: { p50: number; p95: number } }> = [];
  for (const count of [16, 64]) {
    console.log(`[load] ${count} users at once…`);
    const latencies = new Map<string, number[]>(pages.map(([name]) => [name, []]));
    let errors = 0;
    let requests = 0;
    const firstErrors: string[] = [];
    const t0 = performance.now();
    await Promise.all(
      users.slice(0, count).map(async (user, u) => {
        for (let k = 0; k < ROUNDS * pages.length; k++) {
          const [name, url] = pages[(u + k) % pages.length]!;
          const t = performance.now();
          try {
            const r = await user.fetch(`${base}${url}`);
            await r.arrayBuffer();
            if (r.status !== 200) {
              errors++;
              if (firstErrors.length < 3) firstErrors.push(`${url} ${r.status}`);
            }
          } catch (error) {
            errors++;
            if (firstErrors.length < 3) firstErrors.push(`${url} ${String(error)}`);
          }
          requests++;
          latencies.get(name)!.push(performance.now() - t);
        }
      }),
    );
    const wallMs = performance.now() - t0;
    const byPage: Record<string, { p50: number; p95: number }> = {};
    for (const [name, list] of latencies) {
      list.sort((x, y) => x - y);
      byPage[name] = { p50: pct(list, 0.5), p95: pct(list, 0.95) };
    }
    const all = [...latencies.values()].flat().sort((x, y) => x - y);
    levels.push({ users: count, wallMs, requests, errors, byPage, all: { p50: pct(all, 0.5), p95: pct(all, 0.95) } });
    console.log(`[load] ${count} users: ${requests} page loads in ${ms(wallMs)} ms, p50 ${ms(pct(all, 0.5))} ms, p95 ${ms(pct(all, 0.95))} ms, errors ${errors}${firstErrors.length ? ` (${firstErrors.join("; ")})` : ""}`);
  }

  // 1,000 audited writes at once, over HTTP, through the same server action the form uses.
  console.log(`[load] ${WRITES} audited writes at once…`);
  const createId = serverActionId(ROOT, "app/(app)/vendors/actions.ts", "createVendorAction");
  const run = randomBytes(3).toString("hex");
  const writeTimes: number[] = [];
  const failures: string[] = [];
  const w0 = performance.now();
  await Promise.all(
    Array.from({ length: WRITES }, async (_, i) => {
      const t = performance.now();
      try {
        const { status, text } = await callServerAction(admin, base, "/vendors/new", createId, { name: `Burst ${run} ${i}` });
        if (status !== 200 || !text.includes('"ok":true')) failures.push(`HTTP ${status}: ${text.slice(0, 160)}`);
      } catch (error) {
        // No HTTP answer at all (fetch's cause says why: a connect timeout, a reset, …).
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        failures.push(`no answer (${cause?.code ?? cause?.message ?? String(error)})`);
      }
      writeTimes.push(performance.now() - t);
    }),
  );
  const writeWall = performance.now() - w0;
  writeTimes.sort((x, y) => x - y);
  const [{ created }] = (await sql<{ created: number }>(db.ownerUrl("vetta"), `SELECT count(*)::int AS created FROM "Vendor" WHERE "name" LIKE $1`, [`Burst ${run} %`])) as [{ created: number }];
  const verify = await runScript("scripts/audit-verify.ts", { ...env, VETTA_AUDIT_ANCHOR_FILE: path.join(dataDir, "audit-anchors.log") });
  const chain = verify.code === 0 && !verify.out.includes("BROKEN") ? "intact" : `BROKEN (${verify.out.split("\n").find((l) => l.startsWith("BROKEN")) ?? `exit ${verify.code}`})`;
  const kinds = new Map<string, number>();
  for (const f of failures) kinds.set(f.replace(/: .*$/s, ""), (kinds.get(f.replace(/: .*$/s, "")) ?? 0) + 1);
  const failedAs = [...kinds].map(([k, n]) => `${n} × ${k}`).join(", ");
  console.log(`[load] writes: ${WRITES - failures.length} ok, ${failures.length} failed${failedAs ? ` (${failedAs})` : ""}, ${created} vendors created, ${ms(writeWall)} ms, p50 ${ms(pct(writeTimes, 0.5))} ms, p95 ${ms(pct(writeTimes, 0.95))} ms; chain ${chain}${failures.length ? `; first: ${failures[0]}` : ""}`);

  const cpu = os.cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average ${loadAverage.toFixed(1)} when the run started (the machine is shared)`;
  const level = (n: number) => levels.find((l) => l.users === n)!;
  const section = [
    HEADING,
    "",
    `Measured by \`npm run load\` on ${new Date().toISOString().slice(0, 10)}, ${machine}. The production build (\`scripts/start.ts\`) on an embedded PostgreSQL 18, pool of 10 connections, the demo organisation plus ${IMPORT_VENDORS.toLocaleString("en")} vendors / ${(IMPORT_VENDORS * 2).toLocaleString("en")} products imported. Each virtual user is the demo compliance officer (who sees all six pages) with a session of its own, and loads the six pages round-robin, ${ROUNDS} times each; load generator and server share the machine.`,
    "",
    `| page | SQL per load (statements, ms, pg_stat_statements) | one user alone, p50 | 16 users p50 / p95 | 64 users p50 / p95 |`,
    "|---|---|---|---|---|",
    ...pages.map(([name]) => {
      const s = perPage[name]!;
      return `| ${name} | ${s.statements.toFixed(0)} statements, ${s.sqlMs.toFixed(1)} ms | ${ms(s.aloneMs)} ms | ${ms(level(16).byPage[name]!.p50)} / ${ms(level(16).byPage[name]!.p95)} ms | ${ms(level(64).byPage[name]!.p50)} / ${ms(level(64).byPage[name]!.p95)} ms |`;
    }),
    `| **all pages** | | | **${ms(level(16).all.p50)} / ${ms(level(16).all.p95)} ms** | **${ms(level(64).all.p50)} / ${ms(level(64).all.p95)} ms** |`,
    "",
    "| figure | 16 users | 64 users |",
    "|---|---|---|",
    `| page loads | ${level(16).requests} | ${level(64).requests} |`,
    `| errors (anything but 200) | ${level(16).errors} | ${level(64).errors} |`,
    `| wall time | ${ms(level(16).wallMs)} ms (${((level(16).requests / level(16).wallMs) * 1000).toFixed(1)} pages/s) | ${ms(level(64).wallMs)} ms (${((level(64).requests / level(64).wallMs) * 1000).toFixed(1)} pages/s) |`,
    "",
    `**${WRITES.toLocaleString("en")} audited writes at once over HTTP** (the create-vendor server action as an admin, each a transaction with its audit event): ${WRITES - failures.length} succeeded, ${failures.length} failed${failedAs ? ` (${failedAs})` : ""}, ${created} vendors created; ${ms(writeWall)} ms wall (${((WRITES / writeWall) * 1000).toFixed(0)} writes/s), latency p50 ${ms(pct(writeTimes, 0.5))} / p95 ${ms(pct(writeTimes, 0.95))} ms; audit chain afterwards (\`npm run audit:verify\`): ${chain}.`,
    "",
    "The SQL column is the time PostgreSQL itself spent executing the page's statements; the rest of a page's time is rendering and Node. Under load the server's single Node process (one core of two, shared with PostgreSQL and the load generator) is what queues.",
    "",
  ].join("\n");
  await writeSection(section);
  console.log(`[load] figures written to BENCHMARKS.md (${HEADING})`);
} finally {
  if (app) await stopApp(app);
  await db?.stop().catch(() => undefined);
  await rm(work, { recursive: true, force: true });
}
