/**
 * The review queue, the assessments list and the reports list against the Prisma queries they
 * replaced (kept below as the reference), on real PostgreSQL: same rows in the same order for
 * every sort (ties included) and filter, keyset pages that cover every row exactly once forwards
 * and backwards, nothing from another tenant, and plans that read the tenant's index range.
 * Also the audit trail's counts, now read from the chain head instead of the whole history.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { TOTAL_CAP } from "@/lib/domain/list-pages";
import { RISK_TIERS } from "@/lib/domain/vocabulary";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { at, walk, type WalkedPage } from "@/lib/testing/list-walk";
import { analyzeAsOwner, planNodes, topPlan } from "@/lib/testing/query-plan";
import { parseListQuery, type ListQuery, type ListQueryOptions } from "@/lib/validation/list-query";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { ASSESSMENT_LIST, assessmentListPageStatement, assessmentStatusWhere, listAssessments, mineWhere } from "./assessment-list";
import { getAuditTrailState, recordAuditEvent, sealOrganization } from "./audit";
import { auditSealingLagStatement } from "./audit-sealer";
import { prisma, Prisma } from "./prisma-client";
import { createTemplate } from "./questionnaires";
import { listReports, REPORT_LIST, reportListPageStatement } from "./reports";
import { listReviewQueue, REVIEW_LIST, reviewQueuePageStatement } from "./reviews";
import type { TenantContext } from "./tenant";

// ───────────── the queries before issue 17 (Prisma, OFFSET, exact counts) ─────────────

async function referenceReviewQueue(ctx: TenantContext, query: ListQuery) {
  const where: Prisma.AssessmentWhereInput = {
    status: "SUBMITTED",
    ...(query.filters.tier ? { scoreSnapshots: { some: { useCaseId: null, tier: { in: query.filters.tier as Prisma.EnumRiskTierFilter["in"] } } } } : {}),
    ...(query.q ? { product: { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { vendor: { name: { contains: query.q, mode: "insensitive" } } }] } } : {}),
    organizationId: ctx.organizationId,
  };
  const dir = query.sort?.desc ? "desc" : "asc";
  const orderBy: Prisma.AssessmentOrderByWithRelationInput =
    query.sort?.id === "product" ? { product: { name: dir } } : query.sort?.id === "score" ? { product: { currentScore: { sort: dir, nulls: "last" } } } : { submittedAt: dir };
  return prisma.assessment.findMany({
    where,
    orderBy: [orderBy, { id: "asc" }],
    select: {
      id: true,
      submittedAt: true,
      submittedById: true,
      product: { select: { id: true, name: true, vendor: { select: { name: true } } } },
      scoreSnapshots: { where: { useCaseId: null }, orderBy: { createdAt: "desc" }, take: 1, select: { score: true, tier: true } },
    },
  });
}

async function referenceAssessments(ctx: TenantContext, query: ListQuery) {
  const f = query.filters;
  const where: Prisma.AssessmentWhereInput = {
    product: { archivedAt: null },
    AND: [...(f.status ? [{ OR: f.status.map(assessmentStatusWhere) }] : []), ...(f.mine ? [mineWhere(ctx)] : [])],
    organizationId: ctx.organizationId,
  };
  const rows = await prisma.assessment.findMany({
    where,
    orderBy: [{ updatedAt: query.sort?.desc === false ? "asc" : "desc" }, { id: "asc" }],
    select: { id: true, status: true, updatedAt: true, submittedAt: true, _count: { select: { decisions: { where: { outcome: "CHANGES_REQUESTED" } } } }, product: { select: { id: true, name: true, vendor: { select: { name: true } } } } },
  });
  return rows.map(({ _count, ...a }) => ({ ...a, status: a.status === "DRAFT" && _count.decisions > 0 ? ("CHANGES_REQUESTED" as const) : a.status }));
}

async function referenceReports(ctx: TenantContext, filter: { productId?: string; clientId?: string } = {}) {
  const rows = await prisma.report.findMany({
    where: { organizationId: ctx.organizationId, ...filter },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, kind: true, title: true, contentSha256: true, createdAt: true, createdById: true, productId: true, clientId: true, useCaseId: true, _count: { select: { shareLinks: true } } },
  });
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } });
  return rows.map((r) => ({ ...r, createdBy: users.find((u) => u.id === r.createdById)?.name ?? "a former user" }));
}

// ───────────────────────────── data ─────────────────────────────

const STATUSES = ["DRAFT", "APPROVED", "CHANGES_REQUESTED", "REJECTED", "APPROVED_WITH_CONDITIONS"] as const;
const stamp = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 9, 15, 30, 250));

let a: TestOrganization;
let b: TestOrganization;

/** Assessments (half of them submitted), score snapshots, sent-back drafts and reports, with ties everywhere. */
async function fill(org: TestOrganization, prefix: string, assessments: number, reports: number, productCount = 40) {
  const orgId = org.organizationId;
  await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  const [version, model] = await Promise.all([
    prisma.templateVersion.findFirstOrThrow({ where: { organizationId: orgId, status: "PUBLISHED" }, select: { id: true } }),
    prisma.scoringModel.findFirstOrThrow({ where: { organizationId: orgId }, select: { id: true } }),
  ]);
  const vendors = Array.from({ length: Math.max(12, productCount / 4) }, (_, i) => ({ id: `${prefix}v${String(i).padStart(4, "0")}`, organizationId: orgId, name: `${i % 2 ? "Acme" : "Zenith"} ${i}` }));
  await prisma.vendor.createMany({ data: vendors });
  const products = Array.from({ length: productCount }, (_, i) => ({
    id: `${prefix}p${String(i).padStart(2, "0")}`,
    organizationId: orgId,
    vendorId: vendors[i % vendors.length]!.id,
    name: `Model ${i % 15}${i >= 60 ? `.${i}` : ""}`,
    tier: "BUSINESS" as const,
    deploymentModel: "CLOUD_API" as const,
    trainingPolicy: "NEVER" as const,
    processingRegions: ["EU"],
    currentScore: i % 5 === 0 ? null : (i * 7) % 6,
    archivedAt: i % 9 === 4 ? stamp(2) : null,
  }));
  await prisma.product.createMany({ data: products });
  const users = [org.as.ACCOUNT_MANAGER.userId, org.as.COMPLIANCE_OFFICER.userId, org.as.ADMIN.userId];
  const rows = Array.from({ length: assessments }, (_, i) => {
    const submitted = i % 2 === 0;
    return {
      id: `${prefix}a${String(i).padStart(4, "0")}`,
      organizationId: orgId,
      productId: products[(i >> 1) % products.length]!.id,
      templateVersionId: version.id,
      status: submitted ? ("SUBMITTED" as const) : STATUSES[(i >> 1) % STATUSES.length]!,
      createdById: users[i % 3]!,
      submittedById: submitted || i % 5 === 1 ? users[(i + 1) % 3]! : null,
      submittedAt: submitted ? stamp(i % 7) : null,
      updatedAt: stamp(i % 11),
    };
  });
  await prisma.assessment.createMany({ data: rows });
  // Snapshots: none for some, two (the later one shown) for others, and use-case-level ones are left out of the tiers.
  await prisma.scoreSnapshot.createMany({
    data: rows
      .filter((r, i) => r.status === "SUBMITTED" && i % 6 !== 0)
      .flatMap((r, i) =>
        Array.from({ length: 1 + (i % 2) }, (_, k) => ({
          organizationId: orgId,
          productId: r.productId,
          assessmentId: r.id,
          scoringModelId: model.id,
          score: (i * 13 + k * 31) % 100,
          tier: RISK_TIERS[(i + k) % 4]!,
          inputs: {},
          result: {},
          createdAt: stamp(k),
        })),
      ),
  });
  // Decided assessments carry their decision; some drafts were sent back (a CHANGES_REQUESTED
  // decision): listed as "changes requested", not "draft".
  await prisma.decision.createMany({
    data: rows
      .filter((r, i) => (r.status === "DRAFT" && i % 3 === 0) || (r.status !== "DRAFT" && r.status !== "SUBMITTED"))
      .map((r) => ({ organizationId: orgId, assessmentId: r.id, outcome: r.status === "DRAFT" ? ("CHANGES_REQUESTED" as const) : (r.status as "APPROVED" | "REJECTED" | "APPROVED_WITH_CONDITIONS" | "CHANGES_REQUESTED"), justification: "Reasons", decidedById: users[1]! })),
  });
  const reportRows = Array.from({ length: reports }, (_, i) => ({
    id: `${prefix}r${String(i).padStart(4, "0")}`,
    organizationId: orgId,
    kind: i % 4 === 0 ? ("CLIENT_PORTFOLIO" as const) : ("PRODUCT" as const),
    productId: i % 4 === 0 ? null : products[i % products.length]!.id,
    clientId: i % 4 === 0 ? org.clientId : null,
    title: `Report ${i}`,
    snapshot: {},
    contentSha256: `${prefix}c${i}`.padEnd(64, "0"),
    pdfSha256: `${prefix}f${i}`.padEnd(64, "0"),
    createdById: users[i % 3]!,
    createdAt: stamp(i % 9),
  }));
  await prisma.report.createMany({ data: reportRows });
  await prisma.shareLink.createMany({
    data: reportRows
      .filter((_, i) => i % 3 === 0)
      .flatMap((r, i) => Array.from({ length: 1 + (i % 3) }, (_, k) => ({ organizationId: orgId, reportId: r.id, clientId: org.clientId, tokenHash: `${r.id}-${k}`, expiresAt: stamp(400), createdById: users[0]! }))),
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrganization("Work lists A"), createTestOrganization("Work lists B")]);
  // B holds the same names and more rows, so a leak would show in rows, counts and searches.
  await Promise.all([fill(a, "wa", 460, 230), fill(b, "wb", 520, 260)]);
}, 120_000);

// ───────────────────────────── helpers ─────────────────────────────

type Page = WalkedPage;

const query = (options: ListQueryOptions, params: Record<string, string | string[]>) => parseListQuery({ pageSize: "10", ...params }, options);
const sortsOf = (options: ListQueryOptions) => options.sortable.flatMap((id) => [id, `-${id}`]);

/** Every case walks forwards; the unfiltered one (which reaches the cursor pages) also backwards. */
async function expectSameAsReference<P extends Page>(list: (q: ListQuery) => Promise<P>, base: ListQuery, expected: Array<{ id: string }>, label: string, backward: boolean) {
  const forward = await walk(list, base, "forward");
  expect(forward.flatMap((p) => p.rows), label).toEqual(expected);
  expect(forward[0]!.total, label).toBe(Math.min(expected.length, TOTAL_CAP));
  expect(forward.map((p) => p.page), label).toEqual(forward.map((_, i) => i + 1));
  if (backward) {
    expect(forward.some((p) => p.page > 20), label).toBe(true);
    const back = await walk(list, base, "backward");
    expect(back.flatMap((p) => p.rows.map((r) => r.id)), label).toEqual(expected.map((r) => r.id));
  }
}

// ───────────────────────────── tests ─────────────────────────────

describe("work lists (keyset, page-sized, tenant-sized)", () => {
  it("the review queue returns the rows of the Prisma query it replaced, for every sort and filter, in both directions", async () => {
    const me = a.as.COMPLIANCE_OFFICER;
    const cases: Array<Record<string, string | string[]>> = [{}, { tier: "HIGH" }, { tier: ["LOW", "CRITICAL"] }, { q: "model 1" }, { q: "ACME" }, { q: "zenith", tier: ["MEDIUM", "HIGH"] }];
    for (const sort of sortsOf(REVIEW_LIST)) {
      for (const params of cases) {
        const unfiltered = Object.keys(params).length === 0;
        const base = query(REVIEW_LIST, { ...(unfiltered ? {} : { pageSize: "25" }), ...params, sort });
        const expected = await referenceReviewQueue(me, base);
        expect(expected.length, JSON.stringify({ sort, ...params })).toBeGreaterThan(0);
        await expectSameAsReference((q) => listReviewQueue(me, q), base, expected, JSON.stringify({ sort, ...params }), unfiltered);
      }
    }
  }, 180_000);

  it("the assessments list returns the rows of the Prisma query it replaced, for every status and 'mine', in both directions", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    const cases: Array<Record<string, string | string[]>> = [{}, { status: "DRAFT" }, { status: "CHANGES_REQUESTED" }, { status: ["SUBMITTED", "REJECTED"] }, { mine: "1" }, { status: "CHANGES_REQUESTED", mine: "1" }];
    for (const sort of [...sortsOf(ASSESSMENT_LIST), "none"]) {
      for (const params of cases) {
        const unfiltered = Object.keys(params).length === 0;
        const base = query(ASSESSMENT_LIST, { ...(unfiltered ? {} : { pageSize: "25" }), ...params, sort });
        const expected = await referenceAssessments(me, base);
        expect(expected.length).toBeGreaterThan(0);
        await expectSameAsReference((q) => listAssessments(me, q), base, expected, JSON.stringify({ sort, ...params }), unfiltered && sort !== "none");
      }
    }
  }, 180_000);

  it("the reports list returns the rows of the Prisma query it replaced, in both directions, and the short lists by product or client", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    for (const sort of [...sortsOf(REPORT_LIST), "none"]) {
      const base = query(REPORT_LIST, { sort });
      const dir = base.sort?.desc === false ? "asc" : "desc";
      const expected = (await referenceReports(me)).toSorted((x, y) => (dir === "asc" ? 1 : -1) * (x.createdAt.getTime() - y.createdAt.getTime()) || (x.id < y.id ? -1 : 1));
      const shaped = expected.map((r) => ({ ...r, _count: { shareLinks: r._count.shareLinks } }));
      await expectSameAsReference((q) => listReports(me, {}, q), base, shaped, sort, true);
    }
    // The short lists on product and client pages: the first 10, by page number.
    const productId = "wap01";
    expect((await listReports(me, { productId }, 1, 10)).rows).toEqual((await referenceReports(me, { productId })).slice(0, 10));
    const byClient = await listReports(me, { clientId: a.clientId }, 1, 10);
    expect(byClient.rows).toEqual((await referenceReports(me, { clientId: a.clientId })).slice(0, 10));
    expect(byClient.total).toBe(await prisma.report.count({ where: { organizationId: a.organizationId, clientId: a.clientId } }));
  }, 120_000);

  it("never show or count another organisation's rows, even from a cursor made in it", async () => {
    const queue = await listReviewQueue(a.as.COMPLIANCE_OFFICER, parseListQuery({ pageSize: "100", q: "model" }, REVIEW_LIST));
    expect(queue.total).toBe(await prisma.assessment.count({ where: { organizationId: a.organizationId, status: "SUBMITTED" } }));
    expect(queue.rows.every((r) => r.id.startsWith("waa") && r.product.id.startsWith("wap"))).toBe(true);
    const assessments = await listAssessments(a.as.ACCOUNT_MANAGER, parseListQuery({ pageSize: "100" }, ASSESSMENT_LIST));
    expect(assessments.rows.every((r) => r.id.startsWith("waa"))).toBe(true);
    const reports = await listReports(a.as.ACCOUNT_MANAGER, {}, parseListQuery({ pageSize: "100" }, REPORT_LIST));
    expect(reports.total).toBe(230);
    expect(reports.rows.every((r) => r.id.startsWith("war"))).toBe(true);
    // B's cursor, used in A, shows A's rows after that key, never B's.
    const theirs = await listReports(b.as.ACCOUNT_MANAGER, {}, parseListQuery({ pageSize: "10" }, REPORT_LIST));
    const foreign = await listReports(a.as.ACCOUNT_MANAGER, {}, { ...parseListQuery({ pageSize: "10" }, REPORT_LIST), cursor: theirs.next?.cursor ?? null, page: 2 });
    expect(foreign.rows.length).toBeGreaterThan(0);
    expect(foreign.rows.every((r) => r.id.startsWith("war"))).toBe(true);
    // Another organisation's report filter finds nothing here.
    expect((await listReports(a.as.ACCOUNT_MANAGER, { productId: "wbp01" }, 1, 10)).rows).toEqual([]);
  });

  it("open page 1 for a mangled cursor, a deep page number without one, or a key of the wrong type", async () => {
    const me = a.as.COMPLIANCE_OFFICER;
    const first = await listReviewQueue(me, parseListQuery({}, REVIEW_LIST));
    for (const params of [{ cursor: "a.not-json" }, { cursor: "zzz" }, { page: "400" }, { cursor: `a.${Buffer.from(JSON.stringify([12, "x"])).toString("base64url")}`, page: "30" }]) {
      const page = await listReviewQueue(me, parseListQuery(params, REVIEW_LIST));
      expect(page.rows.map((r) => r.id), JSON.stringify(params)).toEqual(first.rows.map((r) => r.id));
    }
  });

  it("cap the total at 1,000 and still reach the last rows", async () => {
    const big = await createTestOrganization("Work lists big");
    // Thousands of products and vendors too, so the planner sees big tables in the EXPLAIN test below.
    await fill(big, "wc", 2 * TOTAL_CAP + 60, 3000, 4000);
    const me = big.as.COMPLIANCE_OFFICER;
    const base = parseListQuery({}, REVIEW_LIST);
    const first = await listReviewQueue(me, base);
    expect(first).toMatchObject({ total: TOTAL_CAP, totalCapped: true, page: 1 });
    const expected = await referenceReviewQueue(me, base);
    expect(expected.length).toBeGreaterThan(TOTAL_CAP);
    const last = await listReviewQueue(me, at(base, first.last!));
    expect(last.page).toBe(0);
    expect(last.next).toBeNull();
    expect(last.rows).toEqual(expected.slice(-25));
    const beforeLast = await listReviewQueue(me, at(base, last.previous!));
    expect(beforeLast.rows).toEqual(expected.slice(-50, -25));
    const assessments = await listAssessments(big.as.ACCOUNT_MANAGER, parseListQuery({}, ASSESSMENT_LIST));
    expect(assessments).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
  }, 120_000);

  it("read a small tenant's first page from its own index range, whatever other tenants hold", async () => {
    const small = await createTestOrganization("Work lists small");
    await fill(small, "ws", 6, 5);
    await analyzeAsOwner(inject("ownerUrl"), ["Assessment", "Report", "ScoreSnapshot", "Decision", "ShareLink", "Product", "Vendor"]);
    const cases: Array<[string, Prisma.Sql]> = [
      ["reviews", reviewQueuePageStatement(small.as.COMPLIANCE_OFFICER, parseListQuery({}, REVIEW_LIST))],
      ["reviews -submittedAt", reviewQueuePageStatement(small.as.COMPLIANCE_OFFICER, parseListQuery({ sort: "-submittedAt" }, REVIEW_LIST))],
      ["reviews product", reviewQueuePageStatement(small.as.COMPLIANCE_OFFICER, parseListQuery({ sort: "product", tier: "HIGH" }, REVIEW_LIST))],
      ["reviews -score", reviewQueuePageStatement(small.as.COMPLIANCE_OFFICER, parseListQuery({ sort: "-score" }, REVIEW_LIST))],
      ["reviews search", reviewQueuePageStatement(small.as.COMPLIANCE_OFFICER, parseListQuery({ q: "model 1" }, REVIEW_LIST))],
      ["assessments", assessmentListPageStatement(small.as.ACCOUNT_MANAGER, parseListQuery({}, ASSESSMENT_LIST))],
      ["assessments drafts mine", assessmentListPageStatement(small.as.ACCOUNT_MANAGER, parseListQuery({ status: "DRAFT", mine: "1", sort: "updatedAt" }, ASSESSMENT_LIST))],
      ["reports", reportListPageStatement(small.as.ACCOUNT_MANAGER, parseListQuery({}, REPORT_LIST))],
      ["reports by client", reportListPageStatement(small.as.ACCOUNT_MANAGER, parseListQuery({}, REPORT_LIST), { clientId: small.clientId })],
    ];
    const tables = new Set(["Assessment", "Report", "ScoreSnapshot", "Decision", "ShareLink", "Product", "Vendor"]);
    for (const [label, statement] of cases) {
      const [row] = await prisma.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`;
      const nodes = planNodes(topPlan(row));
      const scans = nodes.filter((n) => tables.has(n["Relation Name"] ?? ""));
      expect(scans.length, label).toBeGreaterThan(0);
      for (const scan of scans) {
        expect(scan["Node Type"], `${label}: ${scan["Relation Name"]}`).not.toBe("Seq Scan");
        // Rows read = rows kept + rows thrown away; a 6-assessment tenant reads a handful, never A's, B's or the big tenant's thousands.
        const read = ((scan["Actual Rows"] ?? 0) + (scan["Rows Removed by Filter"] ?? 0) + (scan["Rows Removed by Index Recheck"] ?? 0)) * (scan["Actual Loops"] ?? 1);
        expect(read, `${label}: ${scan["Node Type"]} on ${scan["Relation Name"]}`).toBeLessThanOrEqual(40);
      }
    }
  }, 120_000);

  it("the audit trail counts events from the chain head and the unsealed tail, equal to counting them all", async () => {
    const org = await createTestOrganization("Work lists audit");
    const ctx = org.as.ADMIN;
    const count = async () => ({
      events: await prisma.auditEvent.count({ where: { organizationId: org.organizationId } }),
      pending: await prisma.auditEvent.count({ where: { organizationId: org.organizationId, seal: { is: null } } }),
    });
    await Promise.all(Array.from({ length: 40 }, (_, i) => recordAuditEvent(ctx, { action: "test.event", entityType: "Test", entityId: String(i) })));
    const before = await getAuditTrailState(ctx);
    expect({ events: before.events, pending: before.pending }).toEqual(await count());
    await sealOrganization(org.organizationId);
    await Promise.all(Array.from({ length: 7 }, (_, i) => recordAuditEvent(ctx, { action: "test.event", entityType: "Test", entityId: `late ${i}` })));
    const after = await getAuditTrailState(ctx);
    expect({ events: after.events, pending: after.pending }).toEqual(await count());
    expect(after.pending).toBe(7);
    expect(after.sealed).toBe(after.events - 7);
    // The sealing lag (metrics, health) reads only each organisation's unsealed tail: the same
    // answer as the anti-join over every event it replaced, compared in one snapshot because other
    // test files write events meanwhile.
    const [now, whole] = await prisma.$transaction(
      async (tx) => [
        await tx.$queryRaw<Array<{ pending: number; oldest: Date | null }>>(auditSealingLagStatement()),
        await tx.$queryRaw<Array<{ pending: number; oldest: Date | null }>>`
          SELECT count(*)::int AS pending, min(e."createdAt") AS oldest FROM "AuditEvent" e WHERE NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")`,
      ],
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
    expect(now![0]!.pending).toBeGreaterThanOrEqual(7);
    expect({ pending: now![0]!.pending, oldest: now![0]!.oldest }).toEqual(whole![0]);
  });
});
