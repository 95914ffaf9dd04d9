/**
 * `npm run bench`: measured, not asserted. Builds a register of 10,000 vendors and 20,000
 * products in a fresh embedded PostgreSQL, then times the list queries the register pages make
 * (median and p95 of repeated runs); then times rendering product risk reports to PDF. The
 * figures go to BENCHMARKS.md.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/schema-engine";

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

const dir = await mkdtemp(path.join(tmpdir(), "vetta-bench-"));
const db = await startEmbeddedPostgres({ dataDir: dir, databases: ["bench"] });
try {
  await applyMigrations(db.url("bench"));
  process.env.DATABASE_URL = db.url("bench");
  const { prisma } = await import("../lib/db/client");
  const { createOrganization } = await import("../lib/db/organizations");
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
  await prisma.$executeRawUnsafe("ANALYZE");

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
  await prisma.$disconnect();

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

  // Product risk reports: pure rendering from a snapshot (what every download does).
  const { renderReport } = await import("../lib/pdf/render-report");
  const { largeProductReport, sampleProductReport } = await import("../lib/pdf/report-fixtures");
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const renderLines: string[] = [];
  for (const [label, fixture] of [
    ["typical product report", sampleProductReport()],
    ["large product report (400 answers, 200 audit events)", largeProductReport(400)],
  ] as const) {
    const pdf = await renderReport(fixture.data, fixture.meta);
    const pages = (await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise).numPages;
    const { median, p95 } = await timed(RENDER_RUNS, () => renderReport(fixture.data, fixture.meta));
    renderLines.push(`| ${label} | ${pages} | ${(pdf.length / 1024).toFixed(0)} KiB | ${median.toFixed(1)} | ${p95.toFixed(1)} |`);
    console.log(`render ${label.padEnd(52)} median ${median.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms`);
  }
  await writeSection(
    "## Report rendering",
    [
      "## Report rendering",
      "",
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${RENDER_RUNS} runs each after one warm-up, pdfkit with embedded DejaVu Sans, on this project's 2-core machine).`,
      "",
      "| report | pages | size | median ms | p95 ms |",
      "|---|---|---|---|---|",
      ...renderLines,
      "",
    ].join("\n"),
  );
  console.log(`Wrote ${FILE}`);
} finally {
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
