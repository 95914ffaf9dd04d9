/**
 * `npm run bench -- register` (issue 17): the register pages at 10,000 vendors / 30,000 products
 * in one organisation. For each page (vendors, products ?tier=, searches, a deep page) it times,
 * at 16 concurrent callers, the page's data assembly (lib/db listVendors/listProducts plus the
 * mapping and serialisation of the props the server component hands to the table) against the
 * page's own SQL sent straight through `pg` on a pool of the same size, and reports the p95 ratio
 * (target ≤ 2×). Rounds of the two alternate so load on the shared machine hits both alike.
 * Then a 5-vendor tenant's first page with and without the 30,000 rows next door (target ≈ 1),
 * and the 30,000-row CSV import (its own section). Called from scripts/bench.ts once the
 * database is up.
 *
 * What this does NOT time: HTTP and React rendering of the built app; the "page" column is the
 * data assembly only. register-http.ts measures the pages over HTTP on the production build.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { buffersTouched, planNodes, rowsRead, topPlan, type ExplainRow } from "../../lib/testing/query-plan";

export const VENDORS = 10_000;
export const PRODUCTS_PER_VENDOR = 3;
const CONCURRENCY = 16;
/** Page/SQL pairs at 16 callers: CALLS × ROUNDS. */
const CALLS = 100;
const ROUNDS = 3;

type WriteSection = (heading: string, section: string) => Promise<unknown>;

type Prisma = (typeof import("../../lib/db/prisma-client"))["prisma"];
const TIERS = ["CONSUMER", "BUSINESS", "ENTERPRISE"] as const;

/**
 * The bench register: `vendors` vendors named "Vendor 00000"…, each with 3 products "Model i-k"
 * of cycling tiers, most with a score. Shared by the data-assembly part (here) and the HTTP part
 * (register-http.ts), so both measure the same rows.
 */
export async function fillRegister(prisma: Prisma, organizationId: string, prefix: string, vendors: number) {
  for (let start = 0; start < vendors; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, vendors - start) }, (_, i) => ({ id: `${prefix}${start + i}`, organizationId, name: `Vendor ${String(start + i).padStart(5, "0")}` }));
    await prisma.vendor.createMany({ data: batch });
    await prisma.product.createMany({
      data: batch.flatMap((v, i) =>
        Array.from({ length: PRODUCTS_PER_VENDOR }, (_, k) => ({
          organizationId,
          vendorId: v.id,
          name: `Model ${start + i}-${k}`,
          tier: TIERS[(start + i + k) % 3]!,
          deploymentModel: "CLOUD_API" as const,
          processingRegions: ["EU"],
          currentScore: (start + i + k) % 5 ? ((start + i) * 7 + k) % 100 : null,
        })),
      ),
    });
  }
}

function machineLine(): string {
  const cpu = cpus();
  const [one] = loadavg();
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${(cpu[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim()}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${one!.toFixed(1)}`;
}

const p95 = (times: number[]) => [...times].sort((x, y) => x - y)[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
const median = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;

/**
 * `pairs` page/SQL pairs from `callers` callers at once. Each caller alternates the two (in a
 * random order per pair), so both see the same moments of a loaded machine; each call's latency.
 */
async function interleaved(callers: number, pairs: number, page: () => Promise<unknown>, sql: () => Promise<unknown>) {
  const times = { page: [] as number[], sql: [] as number[] };
  let left = pairs;
  const one = async (side: "page" | "sql") => {
    const t = performance.now();
    await (side === "page" ? page() : sql());
    times[side].push(performance.now() - t);
  };
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (left-- > 0) {
        const pageFirst = Math.random() < 0.5;
        await one(pageFirst ? "page" : "sql");
        await one(pageFirst ? "sql" : "page");
      }
    }),
  );
  return times;
}

/** Page and SQL side by side: p95 at 16 concurrent callers, and the median of one caller. */
async function sideBySide(page: () => Promise<unknown>, sql: () => Promise<unknown>) {
  await interleaved(CONCURRENCY, CONCURRENCY, page, sql);
  const loaded = await interleaved(CONCURRENCY, CALLS * ROUNDS, page, sql);
  const alone = await interleaved(1, 60, page, sql);
  return {
    page: { median: median(alone.page), p95: p95(loaded.page) },
    sql: { median: median(alone.sql), p95: p95(loaded.sql) },
  };
}

interface PlanWork {
  rows: number;
  buffers: number;
  seqScans: number;
}

/** What PostgreSQL did for a statement: rows its Vendor/Product scans read (kept or filtered), buffers, Seq Scans on them. */
async function planWork(pool: pg.Pool, statement: { text: string; values: unknown[] }): Promise<PlanWork> {
  const result = await pool.query<ExplainRow>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values);
  const top = topPlan(result.rows[0]);
  const nodes = planNodes(top);
  const scans = nodes.filter((n) => n["Relation Name"] === "Vendor" || n["Relation Name"] === "Product");
  return {
    rows: scans.reduce((sum, n) => sum + rowsRead(n), 0),
    buffers: buffersTouched(top),
    seqScans: scans.filter((n) => n["Node Type"] === "Seq Scan").length,
  };
}

export async function benchRegister({ ownerUrl, appUrl, writeSection }: { ownerUrl: string; appUrl: string; writeSection: WriteSection }) {
  const { prisma, databasePoolStats } = await import("../../lib/db/prisma-client");
  const { createOrganization } = await import("../../lib/db/organizations");
  const { listProducts, listVendors, PRODUCT_LIST, VENDOR_LIST, registerPageStatement } = await import("../../lib/db/register-lists");
  const { encodeCursor } = await import("../../lib/domain/list-pages");
  const { parseListQuery } = await import("../../lib/validation/list-query");
  type Ctx = Parameters<typeof listVendors>[0];
  type Query = Parameters<typeof listVendors>[1];

  const makeOrg = async (slug: string) => {
    const org = await createOrganization({ name: `Bench ${slug}`, slug, clients: [], users: [{ email: `${slug}@example.com`, name: slug, role: "ADMIN", passwordHash: "x" }] });
    return { organizationId: org.organization.id, userId: org.users[0]!.id, role: "ADMIN" as const, clientId: null, actorLabel: slug, ip: null } satisfies Ctx;
  };
  const fill = (ctx: Ctx, prefix: string, vendors: number) => fillRegister(prisma, ctx.organizationId, prefix, vendors);
  // ANALYZE needs the tables' owner; the app role would only be told it skipped them.
  const analyze = async () => {
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query(`ANALYZE "Vendor"; ANALYZE "Product"`);
    await owner.end();
  };

  // The app's pool size for the raw SQL too, so both sides queue alike at 16 callers.
  await prisma.$queryRaw`SELECT 1`;
  const poolSize = databasePoolStats()?.max ?? 10;
  const raw = new pg.Pool({ connectionString: appUrl, max: poolSize });
  const sqlOf = (list: "vendors" | "products", ctx: Ctx, query: Query) => {
    const statement = registerPageStatement(list, ctx, query);
    return () => raw.query(statement.text, statement.values as unknown[]);
  };
  // What the pages do with the rows before React: the same mapping, and the props serialised as
  // they travel to the client table.
  const vendorsPage = (ctx: Ctx, query: Query) => async () => {
    const { rows, ...pages } = await listVendors(ctx, query);
    return JSON.stringify({ rows: rows.map((v) => ({ id: v.id, name: v.name, website: v.website, products: v.products, isSample: v.isSample, archived: v.archivedAt !== null, updatedAt: v.updatedAt.toISOString() })), pages, query });
  };
  const productsPage = (ctx: Ctx, query: Query) => async () => {
    const { rows, ...pages } = await listProducts(ctx, query);
    return JSON.stringify({ rows: rows.map(({ archivedAt, updatedAt: _u, ...p }) => ({ ...p, archived: archivedAt !== null })), pages, query });
  };

  // 1. A 5-vendor tenant alone.
  const small = await makeOrg("small-tenant");
  await fill(small, "s", 5);
  await analyze();
  const smallCases = [
    ["vendors, first page", vendorsPage(small, parseListQuery({}, VENDOR_LIST)), sqlOf("vendors", small, parseListQuery({}, VENDOR_LIST))],
    ["products, first page", productsPage(small, parseListQuery({}, PRODUCT_LIST)), sqlOf("products", small, parseListQuery({}, PRODUCT_LIST))],
  ] as const;
  const smallAlone: Array<Awaited<ReturnType<typeof sideBySide>>> = [];
  for (const [, page, sql] of smallCases) smallAlone.push(await sideBySide(page, sql));
  const smallWorkAlone = [await planWork(raw, registerPageStatement("vendors", small, parseListQuery({}, VENDOR_LIST))), await planWork(raw, registerPageStatement("products", small, parseListQuery({}, PRODUCT_LIST)))];

  // 2. The big tenant next door: 10,000 vendors, 30,000 products.
  const ctx = await makeOrg("bench");
  const seedStart = performance.now();
  await fill(ctx, "v", VENDORS);
  await analyze();
  console.log(`register: seeded ${VENDORS} vendors / ${VENDORS * PRODUCTS_PER_VENDOR} products in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const smallNextToBig: Array<Awaited<ReturnType<typeof sideBySide>>> = [];
  for (const [, page, sql] of smallCases) smallNextToBig.push(await sideBySide(page, sql));
  const smallWorkNext = [await planWork(raw, registerPageStatement("vendors", small, parseListQuery({}, VENDOR_LIST))), await planWork(raw, registerPageStatement("products", small, parseListQuery({}, PRODUCT_LIST)))];

  // A deep page as users reach it: by the cursor of the row before it (page 201 of 400 by name).
  const vendorAt = await prisma.vendor.findFirstOrThrow({ where: { organizationId: ctx.organizationId }, orderBy: [{ name: "asc" }, { id: "asc" }], skip: 200 * 25 - 1, select: { id: true, name: true } });
  const productAt = await prisma.product.findFirstOrThrow({ where: { organizationId: ctx.organizationId }, orderBy: [{ name: "asc" }, { id: "asc" }], skip: 600 * 25 - 1, select: { id: true, name: true } });
  const deepVendors = parseListQuery({ cursor: encodeCursor("a", [vendorAt.name, vendorAt.id]), page: "201" }, VENDOR_LIST);
  const deepProducts = parseListQuery({ cursor: encodeCursor("a", [productAt.name, productAt.id]), page: "601" }, PRODUCT_LIST);
  const cases: Array<[string, "vendors" | "products", Query]> = [
    ["/vendors (first page, by name)", "vendors", parseListQuery({}, VENDOR_LIST)],
    ["/vendors?sort=-updatedAt", "vendors", parseListQuery({ sort: "-updatedAt" }, VENDOR_LIST)],
    ["/vendors?sort=-products", "vendors", parseListQuery({ sort: "-products" }, VENDOR_LIST)],
    ['/vendors?q=model 4321 (search)', "vendors", parseListQuery({ q: "model 4321" }, VENDOR_LIST)],
    ["/vendors deep page 201 of 400 (cursor)", "vendors", deepVendors],
    ["/products (first page, by name)", "products", parseListQuery({}, PRODUCT_LIST)],
    ["/products?tier=CONSUMER", "products", parseListQuery({ tier: "CONSUMER" }, PRODUCT_LIST)],
    ["/products?tier=CONSUMER&sort=vendor", "products", parseListQuery({ tier: "CONSUMER", sort: "vendor" }, PRODUCT_LIST)],
    ["/products?sort=-currentScore", "products", parseListQuery({ sort: "-currentScore" }, PRODUCT_LIST)],
    ['/products?q=vendor 0999 (search)', "products", parseListQuery({ q: "vendor 0999" }, PRODUCT_LIST)],
    ["/products deep page 601 of 1,200 (cursor)", "products", deepProducts],
  ];
  const lines: string[] = [];
  for (const [label, list, query] of cases) {
    const page = list === "vendors" ? vendorsPage(ctx, query) : productsPage(ctx, query);
    const result = await sideBySide(page, sqlOf(list, ctx, query));
    const ratio = result.page.p95 / result.sql.p95;
    lines.push(`| ${label} | ${result.page.p95.toFixed(1)} | ${result.sql.p95.toFixed(1)} | **${ratio.toFixed(2)}×** | ${result.page.median.toFixed(2)} | ${result.sql.median.toFixed(2)} | ${(result.page.median / result.sql.median).toFixed(2)}× |`);
    console.log(`register ${label.padEnd(44)} page p95 ${result.page.p95.toFixed(1)} ms   SQL p95 ${result.sql.p95.toFixed(1)} ms   ${ratio.toFixed(2)}×`);
  }
  const smallLines = smallCases.map(([label], i) => {
    const alone = smallAlone[i]!;
    const next = smallNextToBig[i]!;
    const work = (w: PlanWork) => `${w.rows} rows, ${w.buffers} buffers${w.seqScans ? `, ${w.seqScans} Seq Scan` : ""}`;
    const line = `| ${label} | ${work(smallWorkAlone[i]!)} | ${work(smallWorkNext[i]!)} | ${alone.page.median.toFixed(2)} | ${next.page.median.toFixed(2)} | ${(next.page.median / alone.page.median).toFixed(2)}× | ${alone.page.p95.toFixed(1)} | ${next.page.p95.toFixed(1)} | ${(next.page.p95 / alone.page.p95).toFixed(2)}× |`;
    console.log(`register 5-vendor tenant ${label}: page p95 ${alone.page.p95.toFixed(1)} → ${next.page.p95.toFixed(1)} ms, one-caller median ${alone.page.median.toFixed(2)} → ${next.page.median.toFixed(2)} ms`);
    return line;
  });
  await raw.end();

  await writeSection(
    "## Register lists",
    [
      `## Register lists (${VENDORS.toLocaleString("en-GB")} vendors, ${(VENDORS * PRODUCTS_PER_VENDOR).toLocaleString("en-GB")} products in one organisation)`,
      "",
      `Measured by \`npm run bench -- register\` on ${machineLine()}; embedded PostgreSQL 18, app role, pool of ${poolSize} connections on both sides. p95: ${CALLS * ROUNDS} page/SQL pairs from ${CONCURRENCY} concurrent callers, each caller alternating page and SQL (random order per pair) so the shared machine's load falls on both alike; median: 60 pairs from one caller. Target: page p95 ≤ 2× its SQL's p95 at 16 connections. On a machine this loaded, p95s of a few-millisecond query are mostly the scheduler's; the one-caller medians show the page's own overhead.`,
      "",
      `"Page" is the page's data assembly, not HTTP: \`listVendors\`/\`listProducts\` (lib/db/register-lists.ts) plus the mapping the server component does and the JSON of the props it hands to the client table. HTTP and React's render are not in these figures: \`npm run bench -- register-http\` measures the same pages over HTTP on the production build ("Register pages over HTTP", below). "SQL" is the very statement the page sends (\`registerPageStatement\`: one statement that returns the page's 25 rows, each vendor's active-product count and the total capped at 1,000), sent straight through \`pg\`.`,
      "",
      "| page | page p95 ms (16 callers) | SQL p95 ms (16 callers) | page ÷ SQL | page median ms (1 caller) | SQL median ms (1 caller) | page ÷ SQL |",
      "|---|---|---|---|---|---|---|",
      ...lines,
      "",
      "### A 5-vendor tenant, alone and next to the 30,000-product tenant",
      "",
      "Its first pages before the big tenant was loaded and after (ANALYZEd both times). Target: ratio ≈ 1. The work PostgreSQL does (from `EXPLAIN (ANALYZE, BUFFERS)` of the page's statement: rows read by the scans of Vendor and Product, including rows filtered away, and buffers touched) does not depend on the machine's load; the times were taken minutes apart on a shared machine whose load changed meanwhile, so read them with that in mind.",
      "",
      "| first page | work alone | work next to 30k | page median alone ms (1 caller) | next to 30k | ratio | page p95 alone ms (16 callers) | next to 30k | ratio |",
      "|---|---|---|---|---|---|---|---|---|",
      ...smallLines,
      "",
      "How (issue 17): indexes per sort that end in the tie-breaker and lead with organizationId; pages past 20 by keyset cursor (never OFFSET); each vendor's count of active products kept in a column by a database trigger, so showing and sorting by it reads about a page of vendors and no products; trigram indexes (pg_trgm, btree_gin so they lead with organizationId) for the searches; the total counted up to 1,000 and then shown as \"1,000+\". Before (2026-11-23, 10k/20k, one caller, page + count): first page 24 ms median, search 37–42 ms; issue 17 measured page/SQL p95 ratios of 5.3× (/vendors) and 6.2× (/products?tier=).",
      "",
    ].join("\n"),
  );

  // A 30,000-row CSV import (10,000 new vendors, 30,000 products) as the worker runs it: parse,
  // check every row against the register, then write it all in one transaction.
  const { createImportJob } = await import("../../lib/db/import-jobs");
  const { runImportJob } = await import("../../lib/jobs/import-jobs");
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
}
