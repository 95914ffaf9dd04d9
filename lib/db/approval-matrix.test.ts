/**
 * The approval matrix's status and tier filters choose clients in the database, across every page
 * (issue 18), on real PostgreSQL: a filter finds matching clients wherever they sit in the list,
 * pages stay full, the total counts matching clients, the result equals a straightforward reference
 * (every client and use case loaded, statuses computed by statusShownForUseCase, filtered in
 * memory), and another organisation's rows never show.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { statusShownForUseCase } from "@/lib/domain/approvals/approval-validity";
import { filterMatrix } from "@/lib/domain/approvals/matrix-filter";
import { calendarDateOfColumn } from "@/lib/domain/dates/calendar-date";
import { RISK_TIERS } from "@/lib/domain/vocabulary";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { analyzeAsOwner, planNodes, topPlan, type ExplainRow } from "@/lib/testing/query-plan";
import { approvalMatrix, approvalMatrixStatement, MATRIX_STATUSES, type MatrixQuery } from "./approval-matrix";
import { prisma, type Prisma } from "./prisma-client";
import type { TenantContext } from "./tenant";

const NOW = new Date("2026-11-23T10:00:00Z");
const PAST = new Date("2026-10-01T00:00:00Z");
const FUTURE = new Date("2027-10-01T00:00:00Z");
const MATCHING = [3, 30, 44];

let a: TestOrganization;
let b: TestOrganization;
const name = (i: number) => `Matrix client ${String(i).padStart(2, "0")}`;

/**
 * 45 clients, each with a proposed LOW use case; clients 3, 30 and 44 also hold an approved
 * CRITICAL one. Every shown status appears somewhere: approvals past their validity (LAPSED, and
 * exactly on its last day still APPROVED), suspended ones, rejected ones, an archived client.
 */
async function fill(org: TestOrganization, prefix: string) {
  const orgId = org.organizationId;
  await prisma.client.createMany({
    data: Array.from({ length: 45 }, (_, k) => ({ id: `${prefix}c${k + 1}`, organizationId: orgId, name: name(k + 1), archivedAt: k + 1 === 45 ? PAST : null })),
  });
  await prisma.vendor.create({ data: { id: `${prefix}v`, organizationId: orgId, name: "Matrix vendor" } });
  await prisma.product.createMany({
    data: ["p1", "p2", "p3"].map((p) => ({ id: `${prefix}${p}`, organizationId: orgId, vendorId: `${prefix}v`, name: `Model ${p}`, tier: "BUSINESS" as const, deploymentModel: "CLOUD_API" as const, processingRegions: ["EU"] })),
  });
  const useCases = Array.from({ length: 45 }, (_, k) => {
    const i = k + 1;
    const clientId = `${prefix}c${i}`;
    const rows: Prisma.UseCaseCreateManyInput[] = [{ organizationId: orgId, clientId, productId: `${prefix}p1`, purpose: "Drafting", status: "PROPOSED", currentTier: "LOW" }];
    if (MATCHING.includes(i)) rows.push({ organizationId: orgId, clientId, productId: `${prefix}p2`, purpose: "Summaries", status: "APPROVED", currentTier: "CRITICAL" });
    const others = [
      { status: "APPROVED" as const, validUntil: PAST, currentTier: "HIGH" as const }, // LAPSED
      { status: "APPROVED_WITH_CONDITIONS" as const, validUntil: FUTURE, currentTier: "MEDIUM" as const },
      { status: "APPROVED" as const, suspendedAt: PAST, currentTier: "CRITICAL" as const }, // SUSPENDED
      { status: "REJECTED" as const, currentTier: null },
      { status: "APPROVED" as const, validUntil: new Date("2026-11-23T00:00:00Z"), currentTier: "LOW" as const }, // its last day: still APPROVED
      { status: "APPROVED_WITH_CONDITIONS" as const, validUntil: PAST, suspendedAt: PAST, currentTier: "HIGH" as const }, // SUSPENDED wins over LAPSED
    ];
    if (i % 7 === 0) rows.push({ organizationId: orgId, clientId, productId: `${prefix}p3`, purpose: "Triage", ...others[(i / 7) % others.length]! });
    return rows;
  }).flat();
  await prisma.useCase.createMany({ data: useCases });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrganization("Matrix A"), createTestOrganization("Matrix B")]);
  // B holds the same client names and statuses, so a leak would show in rows and totals.
  await Promise.all([fill(a, "ma"), fill(b, "mb")]);
}, 60_000);

/** Every matching client, in order, with its matching cells: the query written the plain way. */
async function reference(ctx: TenantContext, filter: { statuses: string[]; tiers: string[] }, q = "") {
  const today = NOW.toISOString().slice(0, 10);
  const clients = await prisma.client.findMany({
    where: { organizationId: ctx.organizationId, archivedAt: null, ...(q ? { name: { contains: q, mode: "insensitive" } } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, useCases: { orderBy: [{ purpose: "asc" }, { id: "asc" }], select: { id: true, productId: true, status: true, validUntil: true, suspendedAt: true, currentTier: true } } },
  });
  const shown = clients.map((c) => ({ ...c, useCases: c.useCases.map((u) => ({ ...u, displayStatus: statusShownForUseCase(u.status, calendarDateOfColumn(u.validUntil), today, u.suspendedAt !== null) })) }));
  const filtered = filterMatrix({ products: [], clients: shown }, filter).clients;
  const any = filter.statuses.length > 0 || filter.tiers.length > 0;
  return filtered.filter((c) => !any || c.useCases.length > 0).map((c) => ({ id: c.id, useCases: c.useCases.map((u) => `${u.id}:${u.displayStatus}:${u.currentTier}`) }));
}

/** Every page from page 1 by following Next (offset pages, then cursors past MAX_OFFSET_PAGE). */
async function walk(ctx: TenantContext, query: MatrixQuery) {
  const pages = [];
  let page = await approvalMatrix(ctx, query, NOW);
  for (let guard = 0; guard < 100; guard++) {
    pages.push(page);
    if (!page.next) break;
    page = await approvalMatrix(ctx, { ...query, page: page.next.page, cursor: page.next.cursor }, NOW);
  }
  return pages;
}

const cellsOf = (pages: Awaited<ReturnType<typeof walk>>) => pages.flatMap((p) => p.clients.map((c) => ({ id: c.id, useCases: c.useCases.map((u) => `${u.id}:${u.displayStatus}:${u.currentTier}`) })));

describe("approval matrix filters", () => {
  it("find the three matching clients among 45, on one full page, wherever they sit in the list", async () => {
    const me = a.as.COMPLIANCE_OFFICER;
    const page = await approvalMatrix(me, { page: 1, pageSize: 20, q: "", statuses: ["APPROVED"], tiers: ["CRITICAL"] }, NOW);
    expect(page.clients.map((c) => c.name)).toEqual(MATCHING.map(name));
    expect(page).toMatchObject({ total: 3, totalCapped: false, page: 1, next: null, previous: null });
    // Cells keep only the matching use cases, and only their products are columns.
    expect(page.clients.every((c) => c.useCases.length === 1 && c.useCases[0]!.productId === "map2")).toBe(true);
    expect(page.products.map((p) => p.id)).toEqual(["map2"]);

    // Two per page: pages are full except the last, and the total is the filter's.
    const small = await walk(me, { page: 1, pageSize: 2, q: "", statuses: ["APPROVED"], tiers: ["CRITICAL"] });
    expect(small.map((p) => p.clients.map((c) => c.name))).toEqual([[name(3), name(30)], [name(44)]]);
    expect(small.map((p) => p.total)).toEqual([3, 3]);

    // Unfiltered: 44 live clients plus the fixture's "Client A", 20 a page.
    const all = await walk(me, { page: 1, pageSize: 20, q: "" });
    expect(all.map((p) => p.clients.length)).toEqual([20, 20, 5]);
    expect(all[0]!.total).toBe(45);
  });

  it("equal the reference for every status and tier, page by page, including pages read by cursor", async () => {
    const me = a.as.COMPLIANCE_OFFICER;
    const filters: Array<{ statuses: (typeof MATRIX_STATUSES)[number][]; tiers: (typeof RISK_TIERS)[number][] }> = [
      { statuses: [], tiers: [] },
      ...MATRIX_STATUSES.map((s) => ({ statuses: [s], tiers: [] })),
      ...RISK_TIERS.map((t) => ({ statuses: [], tiers: [t] })),
      { statuses: ["APPROVED", "LAPSED"], tiers: ["HIGH", "LOW"] },
      { statuses: ["SUSPENDED"], tiers: ["HIGH"] },
    ];
    for (const filter of filters) {
      const expected = await reference(me, filter);
      const pages = await walk(me, { page: 1, pageSize: 3, q: "", ...filter });
      const label = JSON.stringify(filter);
      expect(cellsOf(pages), label).toEqual(expected);
      expect(pages[0]!.total, label).toBe(expected.length);
      // Full pages except the last.
      expect(pages.slice(0, -1).every((p) => p.clients.length === 3), label).toBe(true);
    }
    // Every status shows up somewhere, so no branch of the SQL goes untested.
    for (const status of MATRIX_STATUSES) expect((await reference(me, { statuses: [status], tiers: [] })).length, status).toBeGreaterThan(0);
    // One client a page: 45 pages, the ones past MAX_OFFSET_PAGE read from a key.
    const deep = await walk(me, { page: 1, pageSize: 1, q: "" });
    expect(deep.length).toBe(45);
    expect(deep.some((p) => p.next?.cursor)).toBe(true);
    expect(cellsOf(deep)).toEqual(await reference(me, { statuses: [], tiers: [] }));
    // A search narrows the same way.
    const searched = await walk(me, { page: 1, pageSize: 20, q: "client 4", tiers: ["CRITICAL"] });
    expect(cellsOf(searched)).toEqual(await reference(me, { statuses: [], tiers: ["CRITICAL"] }, "client 4"));
  });

  it("never show another organisation's clients, use cases or products, nor count them", async () => {
    const me = a.as.COMPLIANCE_OFFICER;
    for (const query of [{ q: "" }, { q: "", statuses: ["APPROVED" as const], tiers: ["CRITICAL" as const] }, { q: "matrix", tiers: ["HIGH" as const] }]) {
      const pages = await walk(me, { page: 1, pageSize: 20, ...query });
      for (const page of pages) {
        expect(page.clients.every((c) => c.id.startsWith("ma") || c.id === a.clientId)).toBe(true);
        expect(page.products.every((p) => p.id.startsWith("ma"))).toBe(true);
        expect(page.clients.flatMap((c) => c.useCases).every((u) => u.productId.startsWith("ma"))).toBe(true);
      }
      expect(pages[0]!.total).toBe((await reference(me, { statuses: query.statuses ?? [], tiers: query.tiers ?? [] }, query.q)).length);
    }
    // A cursor made from B's rows still reads A's clients only.
    const theirs = await approvalMatrix(b.as.COMPLIANCE_OFFICER, { page: 1, pageSize: 2, q: "" }, NOW);
    const foreign = await approvalMatrix(me, { page: 2, pageSize: 2, q: "", cursor: "a." + Buffer.from(JSON.stringify([theirs.clients[1]!.name, theirs.clients[1]!.id])).toString("base64url") }, NOW);
    expect(foreign.clients.length).toBe(2);
    expect(foreign.clients.every((c) => c.id.startsWith("ma"))).toBe(true);
  });

  it("read the tenant's clients from its index range, never the table, filtered or not", { timeout: 60_000 }, async () => {
    // A big tenant next door (3,000 clients with a use case each), so a read of the table would show.
    const big = await createTestOrganization("Matrix big");
    await prisma.client.createMany({ data: Array.from({ length: 3000 }, (_, i) => ({ id: `mz${i}`, organizationId: big.organizationId, name: name(i) })) });
    await prisma.vendor.create({ data: { id: "mzv", organizationId: big.organizationId, name: "Big vendor" } });
    await prisma.product.create({ data: { id: "mzp", organizationId: big.organizationId, vendorId: "mzv", name: "Big model", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: ["EU"] } });
    await prisma.useCase.createMany({ data: Array.from({ length: 3000 }, (_, i) => ({ organizationId: big.organizationId, clientId: `mz${i}`, productId: "mzp", purpose: "Drafting", status: "APPROVED" as const, currentTier: "CRITICAL" as const })) });
    await analyzeAsOwner(inject("ownerUrl"), ["Client", "UseCase"]);
    const all = await prisma.client.count();
    const me = a.as.COMPLIANCE_OFFICER;
    for (const query of [{ q: "" }, { q: "", statuses: ["APPROVED" as const], tiers: ["CRITICAL" as const] }, { q: "", statuses: ["LAPSED" as const] }]) {
      const [row] = await prisma.$queryRaw<ExplainRow[]>`EXPLAIN (ANALYZE, FORMAT JSON) ${approvalMatrixStatement(me, { page: 1, pageSize: 20, ...query }, NOW)}`;
      const nodes = planNodes(topPlan(row));
      const label = JSON.stringify(query);
      for (const n of nodes.filter((n) => n["Relation Name"] === "Client" || n["Relation Name"] === "UseCase")) expect(n["Node Type"], label).not.toBe("Seq Scan");
      // At most the tenant's 46 clients (page plus capped total), however many other tenants hold.
      const clientRows = nodes.filter((n) => n["Relation Name"] === "Client").reduce((sum, n) => sum + ((n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0)) * (n["Actual Loops"] ?? 1), 0);
      expect(clientRows, label).toBeLessThanOrEqual(2 * 46);
      expect(all, "other tenants' clients exist").toBeGreaterThan(2 * 46);
    }
  });
});
