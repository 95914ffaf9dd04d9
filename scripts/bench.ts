/**
 * `npm run bench`: measured, not asserted. Builds a register of 10,000 vendors and 30,000
 * products in a fresh embedded PostgreSQL, then times the list queries the register pages make
 * (median and p95 of repeated runs); then times rendering product risk reports to PDF; then fires
 * 1,000 concurrent audited writes at one organisation while the sealer runs. The figures go to
 * BENCHMARKS.md. `npm run bench -- audit` (or register, register-http, lists, render, portfolio, startup, scoring, frontend) runs one part only.
 *
 * As in production, the app's code connects as the least-privilege app role; the owner migrates.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { migrateAndGrant } from "./lib/db-roles";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";

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
// Register pages over HTTP (issue 17) bring their own databases and built app. Run alone here; in
// a full run, last (below): it loads the app's Prisma module, which the other parts load first.
const benchRegisterHttp = async () => {
  const { benchRegisterHttp: bench } = await import("./bench/register-http");
  await writeSection("## Register pages over HTTP", (await bench()).join("\n"));
};
if (only === "register-http") {
  await benchRegisterHttp();
  console.log(`Wrote ${FILE}`);
  process.exit(0);
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
    // Issue 17: register pages against their own SQL, a small tenant beside a big one, and the CSV import (scripts/bench/register.ts).
    const { benchRegister } = await import("./bench/register");
    await benchRegister({ ownerUrl: db.ownerUrl("bench"), appUrl: db.appUrl("bench"), writeSection });
  }

  if (runs("lists")) {
    // Issue 17: review queue, assessments, reports and audit trail state, before and after keyset pages (scripts/bench/lists.ts).
    const { benchLists } = await import("./bench/lists");
    await writeSection("## Other lists", await benchLists(timed, db.ownerUrl("bench")));
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
if (!only) await benchRegisterHttp();
process.exit(0);

