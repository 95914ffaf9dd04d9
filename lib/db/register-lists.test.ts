/**
 * The register lists against the Prisma queries they replaced (kept below as the reference), on
 * real PostgreSQL: same rows in the same order for every sort (ties included), filter and search;
 * keyset pages that cover every row exactly once, forwards and backwards; nothing from another
 * tenant; and plans that read the tenant's index range, not the table.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { DEPLOYMENT_MODELS, PRODUCT_TIERS, RISK_TIERS, TRAINING_POLICIES } from "@/lib/domain/vocabulary";
import { TOTAL_CAP } from "@/lib/domain/list-pages";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { at, walk } from "@/lib/testing/list-walk";
import { analyzeAsOwner, planNodes, topPlan } from "@/lib/testing/query-plan";
import { parseListQuery, type ListQuery, type ListQueryOptions } from "@/lib/validation/list-query";
import { prisma, Prisma } from "./prisma-client";
import { listProducts, listVendors, PRODUCT_LIST, registerPageStatement, VENDOR_LIST } from "./register-lists";
import type { TenantContext } from "./tenant";

// ───────────── the queries before issue 17 (Prisma, OFFSET, whole-table counts) ─────────────

const archivedFilter = (status: string[] | undefined) =>
  status?.length === 1 ? (status[0] === "archived" ? { archivedAt: { not: null } } : { archivedAt: null }) : status?.length ? {} : { archivedAt: null };

/**
 * One deliberate change: sorting by product count now sorts by the count the column shows (active
 * products). Prisma's `_count` ordering counted archived products too, so that column sorted out of
 * order. The reference for that sort is the name order, stably re-sorted by the shown count.
 */
async function referenceVendors(ctx: TenantContext, query: ListQuery) {
  if (query.sort?.id === "products") {
    const byName = await referenceVendorsBefore(ctx, { ...query, sort: { id: "name", desc: false } });
    const dir = query.sort.desc ? -1 : 1;
    return byName.toSorted((x, y) => dir * (x.products - y.products));
  }
  return referenceVendorsBefore(ctx, query);
}

async function referenceVendorsBefore(ctx: TenantContext, query: ListQuery) {
  const where: Prisma.VendorWhereInput = {
    ...archivedFilter(query.filters.status),
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { products: { some: { name: { contains: query.q, mode: "insensitive" } } } }] } : {}),
    organizationId: ctx.organizationId,
  };
  const dir = query.sort?.desc ? "desc" : "asc";
  const orderBy: Prisma.VendorOrderByWithRelationInput[] =
    query.sort?.id === "products" ? [{ products: { _count: dir } }, { name: "asc" }] : query.sort?.id === "updatedAt" ? [{ updatedAt: dir }, { id: "asc" }] : [{ name: dir }, { id: "asc" }];
  const rows = await prisma.vendor.findMany({
    where,
    orderBy,
    select: { id: true, name: true, website: true, isSample: true, archivedAt: true, updatedAt: true, _count: { select: { products: { where: { archivedAt: null } } } } },
  });
  return rows.map(({ _count, ...v }) => ({ ...v, products: _count.products }));
}

async function referenceProducts(ctx: TenantContext, query: ListQuery) {
  const f = query.filters;
  const where: Prisma.ProductWhereInput = {
    ...archivedFilter(f.status),
    ...(f.tier ? { tier: { in: f.tier as Prisma.EnumProductTierFilter["in"] } } : {}),
    ...(f.deploymentModel ? { deploymentModel: { in: f.deploymentModel as Prisma.EnumDeploymentModelFilter["in"] } } : {}),
    ...(f.trainingPolicy ? { trainingPolicy: { in: f.trainingPolicy as Prisma.EnumTrainingPolicyFilter["in"] } } : {}),
    ...(f.riskTier ? { currentTier: { in: f.riskTier as Prisma.EnumRiskTierNullableFilter["in"] } } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { vendor: { name: { contains: query.q, mode: "insensitive" } } }] } : {}),
    organizationId: ctx.organizationId,
  };
  const dir = query.sort?.desc ? "desc" : "asc";
  const sortable: Record<string, Prisma.ProductOrderByWithRelationInput> = {
    name: { name: dir },
    vendor: { vendor: { name: dir } },
    tier: { tier: dir },
    deploymentModel: { deploymentModel: dir },
    trainingPolicy: { trainingPolicy: dir },
    currentScore: { currentScore: { sort: dir, nulls: "last" } },
    updatedAt: { updatedAt: dir },
  };
  return prisma.product.findMany({
    where,
    orderBy: [sortable[query.sort?.id ?? "name"] ?? { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      tier: true,
      deploymentModel: true,
      trainingPolicy: true,
      processingRegions: true,
      currentScore: true,
      currentTier: true,
      isSample: true,
      archivedAt: true,
      updatedAt: true,
      vendor: { select: { id: true, name: true } },
    },
  });
}

// ───────────────────────────── data ─────────────────────────────

const VENDORS = 230;
let a: TestOrganization;
let b: TestOrganization;
let big: TestOrganization | undefined;
const stamp = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 12, 30, 15, 123));

/** A register with ties everywhere: equal update times, product names shared across vendors, equal scores, nulls. */
async function fillRegister(org: TestOrganization, prefix: string, vendors: number) {
  const orgId = org.organizationId;
  const vendorRows = Array.from({ length: vendors }, (_, i) => ({
    id: `${prefix}v${String(i).padStart(4, "0")}`,
    organizationId: orgId,
    name: `${i % 2 ? "Vendor" : "vendor"} ${String(i * 7919 % 1000).padStart(3, "0")}-${i}`,
    website: i % 3 ? `https://v${i}.example` : null,
    isSample: i % 11 === 0,
    archivedAt: i % 17 === 0 ? stamp(3) : null,
    updatedAt: stamp(i % 5),
  }));
  await prisma.vendor.createMany({ data: vendorRows });
  await prisma.product.createMany({
    data: vendorRows.flatMap((v, i) =>
      Array.from({ length: i % 3 }, (_, k) => ({
        id: `${prefix}p${String(i).padStart(4, "0")}${k}`,
        organizationId: orgId,
        vendorId: v.id,
        name: `Model ${(i + k) % 40}`,
        tier: PRODUCT_TIERS[(i + k) % 3]!,
        deploymentModel: DEPLOYMENT_MODELS[(i * 3 + k) % 3]!,
        trainingPolicy: TRAINING_POLICIES[(i + 2 * k) % 4]!,
        processingRegions: k ? ["EU", "US"] : ["EU"],
        currentScore: (i + k) % 4 === 0 ? null : ((i + k) * 7) % 10,
        currentTier: (i + k) % 4 === 0 ? null : RISK_TIERS[(i + k) % 4]!,
        isSample: k === 1,
        archivedAt: (i + k) % 13 === 0 ? stamp(4) : null,
        updatedAt: stamp((i + k) % 3),
      })),
    ),
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrganization("Lists A"), createTestOrganization("Lists B")]);
  // B holds the same names (and more rows), so a leak would show in rows, counts and searches.
  await Promise.all([fillRegister(a, "a", VENDORS), fillRegister(b, "b", VENDORS + 40)]);
}, 60_000);

// ───────────────────────────── helpers ─────────────────────────────


function query(options: ListQueryOptions, params: Record<string, string | string[]>) {
  return parseListQuery({ pageSize: "10", ...params }, options);
}

const VENDOR_CASES: Array<Record<string, string | string[]>> = [{}, { status: "archived" }, { status: ["active", "archived"] }, { q: "model 1" }, { q: "VENDOR 1" }, { q: "9-1" }];
const PRODUCT_CASES: Array<Record<string, string | string[]>> = [
  {},
  { tier: "CONSUMER" },
  { tier: ["CONSUMER", "BUSINESS"], riskTier: ["HIGH", "LOW"] },
  { status: ["active", "archived"], deploymentModel: "ON_PREMISE" },
  { q: "model 1" },
  { q: "vendor 2", trainingPolicy: ["NEVER", "UNKNOWN"] },
];
const sortsOf = (options: ListQueryOptions) => options.sortable.flatMap((id) => [id, `-${id}`]);

// ───────────────────────────── tests ─────────────────────────────

describe("register lists (keyset, page-sized, tenant-sized)", () => {
  it("return the same vendor rows, in the same order, as the Prisma queries they replaced, page by page in both directions", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    for (const sort of sortsOf(VENDOR_LIST)) {
      for (const params of VENDOR_CASES) {
        // Page size 10 on the full list reaches the cursor pages (past page 20); larger pages elsewhere keep the test quick.
        const base = query(VENDOR_LIST, { ...(Object.keys(params).length ? { pageSize: "50" } : {}), ...params, sort });
        const expected = await referenceVendors(me, base);
        const label = JSON.stringify({ sort, ...params });
        const forward = await walk((q) => listVendors(me, q), base, "forward");
        expect(forward.flatMap((p) => p.rows), label).toEqual(expected);
        expect(forward[0]!.total, label).toBe(expected.length);
        expect(forward.map((p) => p.page), label).toEqual(forward.map((_, i) => i + 1));
        if (Object.keys(params).length === 0) {
          const backward = await walk((q) => listVendors(me, q), base, "backward");
          expect(backward.flatMap((p) => p.rows.map((r) => r.id)), label).toEqual(expected.map((r) => r.id));
        }
      }
    }
  }, 120_000);

  it("return the same product rows, in the same order, as the Prisma queries they replaced, page by page in both directions", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    for (const sort of sortsOf(PRODUCT_LIST)) {
      for (const params of PRODUCT_CASES) {
        const base = query(PRODUCT_LIST, { ...(Object.keys(params).length ? { pageSize: "50" } : {}), ...params, sort });
        const expected = await referenceProducts(me, base);
        const label = JSON.stringify({ sort, ...params });
        const forward = await walk((q) => listProducts(me, q), base, "forward");
        expect(forward.flatMap((p) => p.rows), label).toEqual(expected);
        expect(forward[0]!.total, label).toBe(expected.length);
        if (Object.keys(params).length === 0) {
          // The walk reaches past the offset pages into cursor pages.
          expect(forward.some((p) => p.page > 20), label).toBe(true);
          const backward = await walk((q) => listProducts(me, q), base, "backward");
          expect(backward.flatMap((p) => p.rows.map((r) => r.id)), label).toEqual(expected.map((r) => r.id));
        }
      }
    }
  }, 180_000);

  it("never show or count another organisation's rows", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    const mine = (await prisma.vendor.count({ where: { organizationId: a.organizationId, archivedAt: null } })) ;
    const vendors = await listVendors(me, parseListQuery({ pageSize: "100", q: "vendor" }, VENDOR_LIST));
    expect(vendors.total).toBe(mine);
    expect(vendors.rows.every((r) => r.id.startsWith("av"))).toBe(true);
    const products = await listProducts(me, parseListQuery({ pageSize: "100", sort: "-vendor" }, PRODUCT_LIST));
    expect(products.total).toBe(await prisma.product.count({ where: { organizationId: a.organizationId, archivedAt: null } }));
    expect(products.rows.every((r) => r.id.startsWith("ap") && r.vendor.id.startsWith("av"))).toBe(true);
    // A cursor made from B's rows shows A's rows after that key, never B's.
    const theirs = await listProducts(b.as.ACCOUNT_MANAGER, parseListQuery({ pageSize: "10" }, PRODUCT_LIST));
    const foreignCursor = await listProducts(me, { ...parseListQuery({ pageSize: "10" }, PRODUCT_LIST), cursor: theirs.next?.cursor ?? null, page: 2 });
    expect(foreignCursor.rows.every((r) => r.id.startsWith("ap"))).toBe(true);
  });

  it("take % and _ in a search literally (Prisma's contains treated them as wildcards)", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    expect((await listVendors(me, parseListQuery({ q: "100%" }, VENDOR_LIST))).total).toBe(0);
    expect((await listProducts(me, parseListQuery({ q: "_" }, PRODUCT_LIST))).total).toBe(0);
    expect((await listProducts(me, parseListQuery({ q: "\\" }, PRODUCT_LIST))).total).toBe(0);
    expect((await listProducts(me, parseListQuery({ q: "model 3" }, PRODUCT_LIST))).total).toBeGreaterThan(0);
  });

  it("open page 1 for a mangled cursor or a deep page number without one", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    const first = await listVendors(me, parseListQuery({}, VENDOR_LIST));
    for (const params of [{ cursor: "a.not-json" }, { cursor: "b.WyJ4Il0" }, { cursor: "zzz" }, { page: "400" }]) {
      const page = await listVendors(me, parseListQuery(params, VENDOR_LIST));
      expect(page.rows.map((r) => r.id), JSON.stringify(params)).toEqual(first.rows.map((r) => r.id));
    }
    // A key of the wrong type for the sort (a stale link after the sort changed) starts over too.
    const byName = await listVendors(me, parseListQuery({}, VENDOR_LIST));
    const stale = await listVendors(me, parseListQuery({ sort: "-products", cursor: byName.next?.cursor ?? "", page: "2" }, VENDOR_LIST));
    expect(stale.rows.length).toBe(25);
  });

  it("cap the total at 1,000 and still reach the last rows", async () => {
    big = await createTestOrganization("Lists big");
    await fillRegister(big, "c", TOTAL_CAP + 100);
    const me = big.as.ACCOUNT_MANAGER;
    const base = parseListQuery({}, VENDOR_LIST);
    const first = await listVendors(me, base);
    expect(first).toMatchObject({ total: TOTAL_CAP, totalCapped: true, page: 1 });
    const expected = await referenceVendors(me, base);
    expect(expected.length).toBeGreaterThan(TOTAL_CAP);
    const last = await listVendors(me, at(base, first.last!));
    expect(last.page).toBe(0);
    expect(last.next).toBeNull();
    expect(last.rows).toEqual(expected.slice(-25));
    const beforeLast = await listVendors(me, at(base, last.previous!));
    expect(beforeLast.rows).toEqual(expected.slice(-50, -25));
    expect(beforeLast.page).toBe(0);
    expect(beforeLast.next).toEqual({ page: 0, cursor: expect.stringMatching(/^a\./) });
  }, 60_000);

  it("read a small tenant's first page from its own index range, whatever other tenants hold", async () => {
    const small = await createTestOrganization("Lists small");
    await fillRegister(small, "s", 5);
    // The planner must know the table is big (as it is: B, the capped tenant and every other test file).
    await analyzeAsOwner(inject("ownerUrl"), ["Vendor", "Product"]);
    const me = small.as.ACCOUNT_MANAGER;
    const cases: Array<["vendors" | "products", ListQuery]> = [
      ["vendors", parseListQuery({}, VENDOR_LIST)],
      ["vendors", parseListQuery({ sort: "-updatedAt" }, VENDOR_LIST)],
      ["vendors", parseListQuery({ q: "model 1" }, VENDOR_LIST)],
      ["vendors", parseListQuery({ sort: "-products" }, VENDOR_LIST)],
      ["vendors", parseListQuery({ sort: "products" }, VENDOR_LIST)],
      ["products", parseListQuery({}, PRODUCT_LIST)],
      ["products", parseListQuery({ tier: "CONSUMER", sort: "vendor" }, PRODUCT_LIST)],
      ["products", parseListQuery({ q: "model 1" }, PRODUCT_LIST)],
      ["products", parseListQuery({ sort: "-currentScore" }, PRODUCT_LIST)],
    ];
    for (const [list, q] of cases) {
      const [row] = await prisma.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (ANALYZE, FORMAT JSON) ${registerPageStatement(list, me, q)}`;
      const nodes = planNodes(topPlan(row));
      const label = `${list} ${JSON.stringify(q)}`;
      const scans = nodes.filter((n) => n["Relation Name"] === "Product" || n["Relation Name"] === "Vendor");
      expect(scans.length, label).toBeGreaterThan(0);
      for (const scan of scans) {
        expect(scan["Node Type"], label).not.toBe("Seq Scan");
        // Rows read = rows kept + rows thrown away; a 5-vendor tenant reads a handful, never B's 500.
        const read = ((scan["Actual Rows"] ?? 0) + (scan["Rows Removed by Filter"] ?? 0) + (scan["Rows Removed by Index Recheck"] ?? 0)) * (scan["Actual Loops"] ?? 1);
        expect(read, `${label}: ${scan["Node Type"]} on ${scan["Relation Name"]}`).toBeLessThanOrEqual(40);
      }
    }
    // A big tenant's score sort, descending with nulls last, reads the top of the index, not all ~700 scored products.
    if (big) {
      const [row] = await prisma.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (ANALYZE, FORMAT JSON) ${registerPageStatement("products", big.as.ACCOUNT_MANAGER, parseListQuery({ sort: "-currentScore" }, PRODUCT_LIST))}`;
      // The page's own read, not the capped total (an InitPlan that counts up to 1,001 rows).
      const nodes = planNodes(topPlan(row), { withInitPlans: false }).filter((n) => n["Relation Name"] === "Product");
      const read = nodes.reduce((sum, n) => sum + ((n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0)) * (n["Actual Loops"] ?? 1), 0);
      expect(read).toBeLessThan(300);
      // Sorting ~1,100 vendors by product count, either way and on a deep page by cursor, reads
      // about a page of Vendor rows from the count index and counts no Product rows at all.
      for (const sort of ["-products", "products"]) {
        const base = parseListQuery({ sort }, VENDOR_LIST);
        const first = await listVendors(big.as.ACCOUNT_MANAGER, base);
        for (const q of [base, at(base, first.next!), at(base, first.last!)]) {
          const [plan] = await prisma.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (ANALYZE, FORMAT JSON) ${registerPageStatement("vendors", big.as.ACCOUNT_MANAGER, q)}`;
          const own = planNodes(topPlan(plan), { withInitPlans: false });
          const label = `${sort} ${q.cursor ?? q.page}`;
          expect(own.filter((n) => n["Relation Name"] === "Product"), label).toEqual([]);
          const vendorReads = own.filter((n) => n["Relation Name"] === "Vendor");
          expect(vendorReads.length, label).toBeGreaterThan(0);
          for (const n of vendorReads) expect(n["Node Type"], label).not.toBe("Seq Scan");
          const rows = vendorReads.reduce((sum, n) => sum + ((n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0)) * (n["Actual Loops"] ?? 1), 0);
          // A page is 26 rows after the offset (page 2 is still read by OFFSET, the last by
          // cursor); archived vendors (1 in 17) are skipped on the way.
          const skipped = q.cursor ? 0 : (q.page - 1) * q.pageSize;
          expect(rows, label).toBeLessThanOrEqual(Math.ceil((skipped + 26) * 1.1) + 5);
        }
      }
    }
  }, 60_000);
});
