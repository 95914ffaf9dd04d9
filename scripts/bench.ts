/**
 * `npm run bench`: measured, not asserted. Builds a register of 10,000 vendors and 20,000
 * products in a fresh embedded PostgreSQL, then times the list queries the register pages make
 * (median and p95 of repeated runs); then times rendering product risk reports to PDF; then fires
 * 1,000 concurrent audited writes at one organisation while the sealer runs. The figures go to
 * BENCHMARKS.md. `npm run bench -- audit` (or register, render, portfolio, startup, scoring, frontend) runs one part only.
 *
 * As in production, the app's code connects as the least-privilege app role; the owner migrates.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateAndGrant } from "./lib/db-roles";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";

const VENDORS = 10_000;
const RUNS = 25;
const RENDER_RUNS = 15;
const FILE = "BENCHMARKS.md";

async function timed(runs: number, run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(runs / 2)]!, p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))]! };
}

/** Replaces (or appends) one "## " section of BENCHMARKS.md. */
async function writeSection(heading: string, section: string) {
  const existing = await readFile(FILE, "utf8").catch(() => "# Benchmarks\n\nFigures from `npm run bench`. Re-run it after changing a query; the numbers below are replaced.\n\n");
  const start = existing.indexOf(heading);
  if (start < 0) return writeFile(FILE, `${existing.trimEnd()}\n\n${section}`);
  const next = existing.indexOf("\n## ", start + 1);
  await writeFile(FILE, `${existing.slice(0, start)}${section}${next >= 0 ? `\n${existing.slice(next + 1)}` : ""}`);
}

const only = process.argv[2];
const runs = (part: string) => !only || only === part;
// The DPA analyser needs no database: its part runs first, and on its own skips PostgreSQL.
if (runs("dpa")) {
  const { benchDpa } = await import("./bench/dpa");
  await writeSection("## DPA analyser", await benchDpa());
  if (only === "dpa") {
    console.log(`Wrote ${FILE}`);
    process.exit(0);
  }
}
// The front end measures the built app in Chromium, started with its own data directory.
if (runs("frontend")) {
  const { benchFrontend } = await import("./bench/frontend");
  await writeSection("## Front end", (await benchFrontend()).join("\n"));
  if (only) process.exit(0);
}
// Start-up restarts the whole app with its own data directory: it needs no bench database.
if (runs("startup")) {
  const { benchStartup } = await import("./bench/startup");
  await writeSection("## Start-up", (await benchStartup()).join("\n"));
  if (only) process.exit(0);
}
const dir = await mkdtemp(path.join(tmpdir(), "vetta-bench-"));
const db = await startEmbeddedPostgres({ dataDir: dir, databases: ["bench"] });
try {
  await migrateAndGrant(db.ownerUrl("bench"), db.appUrl("bench"));
  process.env.DATABASE_URL = db.appUrl("bench");
  process.env.VETTA_AUDIT_KEY = randomBytes(32).toString("base64");
  process.env.VETTA_AUDIT_ANCHOR_FILE = path.join(dir, "audit-anchors.log");
  const { prisma } = await import("../lib/db/prisma-client");
  const { createOrganization } = await import("../lib/db/organizations");
  if (runs("register")) {
  const { listProducts, listVendors, PRODUCT_LIST, VENDOR_LIST } = await import("../lib/db/register-lists");
  const { parseListQuery } = await import("../lib/validation/list-query");

  const org = await createOrganization({ name: "Bench MSP", slug: "bench", clients: [], users: [{ email: "bench@example.com", name: "Bench", role: "ADMIN", passwordHash: "x" }] });
  const ctx = { organizationId: org.organization.id, userId: org.users[0]!.id, role: "ADMIN" as const, clientId: null, actorLabel: "bench", ip: null };
  const tiers = ["CONSUMER", "BUSINESS", "ENTERPRISE"] as const;
  for (let start = 0; start < VENDORS; start += 1000) {
    const vendors = Array.from({ length: 1000 }, (_, i) => ({ id: `v${start + i}`, organizationId: ctx.organizationId, name: `Vendor ${String(start + i).padStart(5, "0")}` }));
    await prisma.vendor.createMany({ data: vendors });
    await prisma.product.createMany({
      data: vendors.flatMap((v, i) =>
        [0, 1].map((k) => ({
          organizationId: ctx.organizationId,
          vendorId: v.id,
          name: `Model ${start + i}-${k}`,
          tier: tiers[(start + i + k) % 3]!,
          deploymentModel: "CLOUD_API" as const,
          processingRegions: ["EU"],
        })),
      ),
    });
  }
  // ANALYZE needs the tables' owner; the app role would only be told it skipped them.
  const owner = new pg.Client({ connectionString: db.ownerUrl("bench") });
  await owner.connect();
  await owner.query("ANALYZE");
  await owner.end();

  const cases: Array<[string, () => Promise<unknown>]> = [
    ["vendors: first page, by name", () => listVendors(ctx, parseListQuery({}, VENDOR_LIST))],
    ["vendors: page 200 of 400", () => listVendors(ctx, parseListQuery({ page: "200" }, VENDOR_LIST))],
    ["vendors: sorted by product count", () => listVendors(ctx, parseListQuery({ sort: "-products" }, VENDOR_LIST))],
    ["vendors: search \"model 4321\"", () => listVendors(ctx, parseListQuery({ q: "model 4321" }, VENDOR_LIST))],
    ["products: first page, by name", () => listProducts(ctx, parseListQuery({}, PRODUCT_LIST))],
    ["products: tier filter, sorted by vendor", () => listProducts(ctx, parseListQuery({ tier: "CONSUMER", sort: "vendor" }, PRODUCT_LIST))],
    ["products: search \"vendor 0999\"", () => listProducts(ctx, parseListQuery({ q: "vendor 0999" }, PRODUCT_LIST))],
  ];
  const lines: string[] = [];
  for (const [label, run] of cases) {
    const { median, p95 } = await timed(RUNS, run);
    lines.push(`| ${label} | ${median.toFixed(1)} | ${p95.toFixed(1)} |`);
    console.log(`${label.padEnd(42)} median ${median.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms`);
  }

  // A 30,000-row CSV import (10,000 new vendors, 30,000 products) as the worker runs it: parse,
  // check every row against the register, then write it all in one transaction.
  const { createImportJob } = await import("../lib/db/import-jobs");
  const { runImportJob } = await import("../lib/jobs/import-jobs");
  const csv = ["vendor,vendor_website,product,tier,deployment_model,processing_regions,retention_kind,retention_days,training_policy"];
  for (let v = 0; v < 10_000; v++) for (let p = 0; p < 3; p++) csv.push(`Imported ${v},https://example.com,Model ${p},BUSINESS,CLOUD_API,EU;US,DAYS,30,NEVER`);
  const badCsv = [...csv.slice(0, -1), `Imported 9999,,Model 2,FREE,CLOUD_API,EU,DAYS,30,NEVER`];
  const importTimes: string[] = [];
  for (const [label, text] of [["30,000 rows, last one wrong (checked, nothing written)", badCsv], ["30,000 rows (10,000 vendors, 30,000 products written)", csv]] as const) {
    const job = await createImportJob(ctx, { kind: "REGISTER", fileName: null, payload: text.join("\n") });
    const t = performance.now();
    const outcome = await runImportJob(job.id);
    const seconds = (performance.now() - t) / 1000;
    importTimes.push(`| ${label} | ${outcome} | ${seconds.toFixed(1)} |`);
    console.log(`import ${label.padEnd(56)} ${outcome} in ${seconds.toFixed(1)} s`);
  }
  await writeSection(
    "## CSV import",
    [
      "## CSV import",
      "",
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (one run each, into the register above, as the job worker runs it: parse, check every row, write in batches of 1,000 in one transaction; on this project's 2-core machine). Target: under 60 s.`,
      "",
      "| file | outcome | seconds |",
      "|---|---|---|",
      ...importTimes,
      "",
    ].join("\n"),
  );

  const section = [
    "## Register lists (10,000 vendors, 20,000 products)",
    "",
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${RUNS} runs each, embedded PostgreSQL 18, one query page of 25 plus its count, on this project's 2-core machine).`,
    "",
    "| query | median ms | p95 ms |",
    "|---|---|---|",
    ...lines,
    "",
  ].join("\n");
  await writeSection("## Register lists", section);
  }

  if (runs("scoring")) {
    const { benchScoring } = await import("./bench/scoring");
    await writeSection("## Scoring", (await benchScoring(db.appUrl("bench"))).join("\n"));
  }

  if (runs("render")) {
    const { benchRender } = await import("./bench/render");
    await writeSection("## Report rendering", (await benchRender(RENDER_RUNS)).join("\n"));
  }

  if (runs("portfolio")) {
    // Issue 17: a client's portfolio report data for 200 use cases (scripts/bench/portfolio.ts).
    const { benchPortfolio } = await import("./bench/portfolio");
    await writeSection("## Portfolio report data", await benchPortfolio(timed));
  }

  if (runs("audit")) {
    // Issue 16: 1,000 concurrent audited writes in one organisation, each its own transaction,
    // through the app's 10-connection pool, while the sealer seals as the worker would.
    const { sealOrganization, verifyAuditChains, withAudit } = await import("../lib/db/audit");
    const org = await createOrganization({ name: "Audit burst MSP", slug: "audit-burst", clients: [], users: [{ email: "burst@example.com", name: "Burst", role: "ADMIN", passwordHash: "x" }] });
    const ctx = { organizationId: org.organization.id, userId: org.users[0]!.id, role: "ADMIN" as const, clientId: null, actorLabel: "bench", ip: null };
    const WRITES = 1000;
    let writing = true;
    let passes = 0;
    const sealer = (async () => {
      while (writing) {
        await sealOrganization(ctx.organizationId);
        passes += 1;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const latencies: number[] = [];
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: WRITES }, async (_, i) => {
        const t = performance.now();
        await withAudit(
          ctx,
          (tx) => tx.vendor.create({ data: { organizationId: ctx.organizationId, name: `Burst vendor ${i}` } }),
          (vendor) => ({ action: "vendor.create", entityType: "Vendor", entityId: vendor.id, summary: { after: { name: vendor.name } } }),
        );
        latencies.push(performance.now() - t);
      }),
    );
    const wall = performance.now() - started;
    writing = false;
    await sealer;
    const refused = results.filter((r) => r.status === "rejected");
    const sealStart = performance.now();
    await sealOrganization(ctx.organizationId);
    const finalSeal = performance.now() - sealStart;
    const verifyStart = performance.now();
    const { organizations } = await verifyAuditChains({ organizationId: ctx.organizationId });
    const verifyMs = performance.now() - verifyStart;
    const report = organizations[0]!;
    latencies.sort((x, y) => x - y);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
    const chain = report.broken ? `BROKEN: ${report.broken.reason}` : `intact (${report.sealed} of ${report.events} events sealed, anchored at #${report.lastAnchor?.seq ?? 0})`;
    console.log(`audit burst: ${WRITES} writes in ${wall.toFixed(0)} ms, refused ${refused.length}, p50 ${pct(0.5).toFixed(0)} ms, p95 ${pct(0.95).toFixed(0)} ms; chain ${chain}`);
    if (refused.length > 0) console.log(`first refusal: ${String((refused[0] as PromiseRejectedResult).reason).slice(0, 300)}`);
    await writeSection(
      "## Audited writes",
      [
        "## Audited writes",
        "",
        `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${WRITES} audited writes (create a vendor + its audit event, one transaction each) fired at once at one organisation, through the app's pool of 10 connections as the least-privilege app role, while the sealer ran every 250 ms (${passes} passes); embedded PostgreSQL 18 on this project's 2-core machine, shared with other work while measured (load average about 20). Before issue 16 every such write took an organisation-wide lock held to commit, and 706 of 1,000 were refused.`,
        "",
        "| figure | value |",
        "|---|---|",
        `| writes refused | ${refused.length} of ${WRITES} |`,
        `| wall time for the burst | ${wall.toFixed(0)} ms (${((WRITES / wall) * 1000).toFixed(0)} writes/s) |`,
        `| latency per write, p50 / p95 / max | ${pct(0.5).toFixed(0)} / ${pct(0.95).toFixed(0)} / ${(latencies.at(-1) ?? NaN).toFixed(0)} ms |`,
        `| final sealing pass after the burst | ${finalSeal.toFixed(0)} ms |`,
        `| verifying the whole chain and anchors | ${verifyMs.toFixed(0)} ms |`,
        `| chain after sealing | ${chain} |`,
        "",
      ].join("\n"),
    );
  }
  await prisma.$disconnect();
  console.log(`Wrote ${FILE}`);
} finally {
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);

