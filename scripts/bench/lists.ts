/**
 * `npm run bench -- lists` (issue 17): the review queue, the assessments list, the reports list
 * and the audit trail state, before and after keyset pages with capped totals. One organisation
 * holds 30,000 assessments (15,000 waiting for review), 30,000 reports and 60,000 sealed audit
 * events. For each list: the query the page made before (Prisma, OFFSET, exact count; copied
 * below as it was), the page's data now (lib/db), and the statement it sends alone (its SQL);
 * then a 5-row tenant's first pages alone and next to the big one. Called from scripts/bench.ts.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { buffersTouched, planNodes, rowsRead, topPlan, type ExplainRow } from "../../lib/testing/query-plan";

const ASSESSMENTS = 30_000;
const REPORTS = 30_000;
const EVENTS = 60_000;
const RUNS = 25;
const CHUNK = 5_000;

type Timed = (runs: number, run: () => Promise<unknown>) => Promise<{ median: number; p95: number }>;

export async function benchLists(timed: Timed, ownerUrl: string): Promise<string> {
  const { prisma } = await import("../../lib/db/prisma-client");
  const { queryRows } = await import("../../lib/db/prisma-client");
  const { createOrganization } = await import("../../lib/db/organizations");
  const { createTemplate } = await import("../../lib/db/questionnaires");
  const { listReviewQueue, REVIEW_LIST, reviewQueuePageStatement } = await import("../../lib/db/reviews");
  const { ASSESSMENT_LIST, assessmentListPageStatement, assessmentStatusWhere, listAssessments } = await import("../../lib/db/assessment-list");
  const { listReports, REPORT_LIST, reportListPageStatement } = await import("../../lib/db/reports");
  const { getAuditTrailState, sealOrganization } = await import("../../lib/db/audit");
  const { encodeCursor } = await import("../../lib/domain/list-pages");
  const { parseListQuery } = await import("../../lib/validation/list-query");
  const { DEFAULT_QUESTIONNAIRE } = await import("../../lib/catalogue/default-questionnaire");
  const { templateSchema } = await import("../../lib/validation/questionnaire-template");
  type Ctx = { organizationId: string; userId: string; role: "ADMIN" | "COMPLIANCE_OFFICER" | "ACCOUNT_MANAGER"; clientId: null; actorLabel: string; ip: null };

  // ───────────── the queries before issue 17, as the pages made them ─────────────
  const before = {
    reviews: (ctx: Ctx, page: number) => {
      const where = { status: "SUBMITTED" as const, organizationId: ctx.organizationId };
      return prisma.$transaction([
        prisma.assessment.findMany({
          where,
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          skip: (page - 1) * 25,
          take: 25,
          select: { id: true, submittedAt: true, submittedById: true, product: { select: { id: true, name: true, vendor: { select: { name: true } } } }, scoreSnapshots: { where: { useCaseId: null }, orderBy: { createdAt: "desc" }, take: 1, select: { score: true, tier: true } } },
        }),
        prisma.assessment.count({ where }),
      ]);
    },
    assessments: (ctx: Ctx, status: string[] | undefined, page: number) => {
      const where = { product: { archivedAt: null }, AND: status ? [{ OR: status.map(assessmentStatusWhere) }] : [], organizationId: ctx.organizationId };
      return prisma.$transaction([
        prisma.assessment.findMany({
          where,
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
          skip: (page - 1) * 25,
          take: 25,
          select: { id: true, status: true, updatedAt: true, submittedAt: true, _count: { select: { decisions: { where: { outcome: "CHANGES_REQUESTED" } } } }, product: { select: { id: true, name: true, vendor: { select: { name: true } } } } },
        }),
        prisma.assessment.count({ where }),
      ]);
    },
    reports: async (ctx: Ctx, page: number) => {
      const where = { organizationId: ctx.organizationId };
      const [rows] = await prisma.$transaction([
        prisma.report.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * 25, take: 25, select: { id: true, kind: true, title: true, createdAt: true, createdById: true } }),
        prisma.report.count({ where }),
      ]);
      const ids = rows.map((r) => r.id);
      return Promise.all([
        prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } }),
        prisma.shareLink.groupBy({ by: ["reportId"], where: { organizationId: ctx.organizationId, reportId: { in: ids } }, _count: { _all: true } }),
      ]);
    },
    audit: (ctx: Ctx) =>
      Promise.all([
        prisma.auditEvent.count({ where: { organizationId: ctx.organizationId } }),
        prisma.auditEvent.count({ where: { organizationId: ctx.organizationId, seal: { is: null } } }),
        prisma.auditSeal.findFirst({ where: { organizationId: ctx.organizationId }, orderBy: { seq: "desc" }, select: { seq: true, sealedAt: true } }),
      ]),
  };

  // ───────────────────────────── data ─────────────────────────────
  const stamp = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 61_000);
  async function tenant(slug: string, assessments: number, reports: number, events: number) {
    const created = await createOrganization({
      name: `Lists ${slug}`,
      slug: `lists-${slug}`,
      clients: [{ name: "Client", dataClasses: ["PII"], residency: "EU", frameworks: ["GDPR"] }],
      users: [
        { email: `admin@${slug}.example`, name: "Admin", role: "ADMIN", passwordHash: "x" },
        { email: `co@${slug}.example`, name: "Compliance", role: "COMPLIANCE_OFFICER", passwordHash: "x" },
        { email: `am@${slug}.example`, name: "Account manager", role: "ACCOUNT_MANAGER", passwordHash: "x" },
      ],
    });
    const org = created.organization.id;
    const as = (role: Ctx["role"]): Ctx => ({ organizationId: org, userId: created.users.find((u) => u.role === role)!.id, role, clientId: null, actorLabel: role, ip: null });
    await createTemplate(as("ADMIN"), templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const version = await prisma.templateVersion.findFirstOrThrow({ where: { organizationId: org, status: "PUBLISHED" }, select: { id: true } });
    const model = await prisma.scoringModel.findFirstOrThrow({ where: { organizationId: org }, select: { id: true } });
    const productCount = Math.max(5, Math.min(1000, assessments / 30));
    const vendors = Array.from({ length: Math.max(1, productCount / 10) }, (_, i) => ({ id: `${slug}v${i}`, organizationId: org, name: `Vendor ${slug} ${i}` }));
    await prisma.vendor.createMany({ data: vendors });
    const products = Array.from({ length: productCount }, (_, i) => ({ id: `${slug}p${i}`, organizationId: org, vendorId: vendors[i % vendors.length]!.id, name: `Model ${i}`, tier: "BUSINESS" as const, deploymentModel: "CLOUD_API" as const, trainingPolicy: "NEVER" as const, processingRegions: ["EU"], currentScore: i % 100 }));
    await prisma.product.createMany({ data: products });
    const users = created.users.map((u) => u.id);
    const statuses = ["SUBMITTED", "DRAFT", "SUBMITTED", "APPROVED", "SUBMITTED", "REJECTED"] as const;
    for (let start = 0; start < assessments; start += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, assessments - start) }, (_, k) => {
        const i = start + k;
        const status = statuses[i % statuses.length]!;
        return { id: `${slug}a${i}`, organizationId: org, productId: products[i % products.length]!.id, templateVersionId: version.id, status, createdById: users[i % 3]!, submittedById: status === "DRAFT" ? null : users[(i + 1) % 3]!, submittedAt: status === "DRAFT" ? null : stamp(i), updatedAt: stamp(i) };
      });
      await prisma.assessment.createMany({ data: rows });
      await prisma.scoreSnapshot.createMany({ data: rows.filter((r) => r.status !== "DRAFT").map((r, k) => ({ organizationId: org, productId: r.productId, assessmentId: r.id, scoringModelId: model.id, score: k % 100, tier: "MEDIUM" as const, inputs: {}, result: {} })) });
    }
    for (let start = 0; start < reports; start += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, reports - start) }, (_, k) => {
        const i = start + k;
        return { id: `${slug}r${i}`, organizationId: org, kind: "PRODUCT" as const, productId: products[i % products.length]!.id, title: `Report ${i}`, snapshot: {}, contentSha256: `${slug}c${i}`.padEnd(64, "0"), pdfSha256: `${slug}f${i}`.padEnd(64, "0"), createdById: users[i % 3]!, createdAt: stamp(i) };
      });
      await prisma.report.createMany({ data: rows });
      await prisma.shareLink.createMany({ data: rows.filter((_, k) => k % 4 === 0).map((r) => ({ organizationId: org, reportId: r.id, clientId: created.clientIds.Client!, tokenHash: `${r.id}t`, expiresAt: stamp(10_000_000), createdById: users[0]! })) });
    }
    for (let start = 0; start < events; start += CHUNK) {
      await prisma.auditEvent.createMany({ data: Array.from({ length: Math.min(CHUNK, events - start) }, (_, k) => ({ organizationId: org, actorLabel: "bench", action: "vendor.update", entityType: "Vendor", entityId: `${slug}v${k % vendors.length}`, summary: {}, createdAt: new Date(Math.floor(Date.now())) })) });
    }
    while (await sealOrganization(org));
    return { admin: as("ADMIN"), co: as("COMPLIANCE_OFFICER"), am: as("ACCOUNT_MANAGER") };
  }

  const analyze = async () => {
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      await owner.query(`ANALYZE "Assessment"; ANALYZE "Report"; ANALYZE "ShareLink"; ANALYZE "ScoreSnapshot"; ANALYZE "Decision"; ANALYZE "Product"; ANALYZE "Vendor"; ANALYZE "AuditEvent"; ANALYZE "AuditSeal"`);
    } finally {
      await owner.end();
    }
  };
  const ms = (n: number) => n.toFixed(2);
  const lines: string[] = [];

  // A small tenant alone first, then next to the big one.
  const small = await tenant("small", 6, 5, 20);
  await analyze();
  const smallCases: Array<[string, () => Promise<unknown>]> = [
    ["/reviews", () => listReviewQueue(small.co, parseListQuery({}, REVIEW_LIST))],
    ["/assessments", () => listAssessments(small.am, parseListQuery({}, ASSESSMENT_LIST))],
    ["/reports", () => listReports(small.am, {}, parseListQuery({}, REPORT_LIST))],
    ["/settings/audit (state)", () => getAuditTrailState(small.admin)],
  ];
  const smallStatements = new Map<string, () => ReturnType<typeof reviewQueuePageStatement>>([
    ["/reviews", () => reviewQueuePageStatement(small.co, parseListQuery({}, REVIEW_LIST))],
    ["/assessments", () => assessmentListPageStatement(small.am, parseListQuery({}, ASSESSMENT_LIST))],
    ["/reports", () => reportListPageStatement(small.am, parseListQuery({}, REPORT_LIST))],
  ]);
  // The work PostgreSQL does for a statement, which the machine's load does not change: rows read
  // by the table scans (kept + filtered away, times loops), buffers touched, sequential scans.
  const work = async (label: string) => {
    const statement = smallStatements.get(label);
    if (!statement) return "—";
    const [row] = await prisma.$queryRaw<ExplainRow[]>`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement()}`;
    const plan = topPlan(row);
    const scans = planNodes(plan).filter((n) => n["Relation Name"]);
    const read = scans.reduce((sum, n) => sum + rowsRead(n), 0);
    const seq = scans.filter((n) => n["Node Type"] === "Seq Scan").length;
    return `${Math.round(read)} rows, ${buffersTouched(plan)} buffers${seq ? `, ${seq} Seq Scan` : ""}`;
  };
  const alone = new Map<string, number>();
  const workAlone = new Map<string, string>();
  for (const [label, run] of smallCases) {
    alone.set(label, (await timed(RUNS, run)).median);
    workAlone.set(label, await work(label));
  }

  const t0 = performance.now();
  const big = await tenant("big", ASSESSMENTS, REPORTS, EVENTS);
  await analyze();
  const loadSeconds = (performance.now() - t0) / 1000;

  // The key of the row that starts page 401 (rows 10,001–10,025), as the page's Next link would carry it.
  const keyAt = async (sql: string, offset: number) => {
    const rows = await prisma.$queryRawUnsafe<Array<{ k: Date; id: string }>>(sql, big.admin.organizationId, offset);
    return encodeCursor("a", [rows[0]!.k.toISOString(), rows[0]!.id]);
  };
  const reviewCursor = await keyAt(`SELECT "submittedAt" AT TIME ZONE 'UTC' AS k, id FROM "Assessment" WHERE "organizationId" = $1 AND status = 'SUBMITTED' ORDER BY "submittedAt", id OFFSET $2 LIMIT 1`, 400 * 25 - 1);
  const reportCursor = await keyAt(`SELECT "createdAt" AT TIME ZONE 'UTC' AS k, id FROM "Report" WHERE "organizationId" = $1 ORDER BY "createdAt" DESC, id OFFSET $2 LIMIT 1`, 400 * 25 - 1);
  const deep = (options: Parameters<typeof parseListQuery>[1], cursor: string) => parseListQuery({ cursor, page: "401" }, options);

  const cases: Array<{ label: string; before: () => Promise<unknown>; after: () => Promise<unknown>; sql: (() => Promise<unknown>) | null }> = [
    { label: "/reviews (first page, oldest first)", before: () => before.reviews(big.co, 1), after: () => listReviewQueue(big.co, parseListQuery({}, REVIEW_LIST)), sql: () => queryRows(reviewQueuePageStatement(big.co, parseListQuery({}, REVIEW_LIST))) },
    { label: "/reviews page 401 (OFFSET before, cursor now)", before: () => before.reviews(big.co, 401), after: () => listReviewQueue(big.co, deep(REVIEW_LIST, reviewCursor)), sql: () => queryRows(reviewQueuePageStatement(big.co, deep(REVIEW_LIST, reviewCursor))) },
    { label: "/assessments (first page, newest change first)", before: () => before.assessments(big.am, undefined, 1), after: () => listAssessments(big.am, parseListQuery({}, ASSESSMENT_LIST)), sql: () => queryRows(assessmentListPageStatement(big.am, parseListQuery({}, ASSESSMENT_LIST))) },
    {
      label: "/assessments?status=DRAFT",
      before: () => before.assessments(big.am, ["DRAFT"], 1),
      after: () => listAssessments(big.am, parseListQuery({ status: "DRAFT" }, ASSESSMENT_LIST)),
      sql: () => queryRows(assessmentListPageStatement(big.am, parseListQuery({ status: "DRAFT" }, ASSESSMENT_LIST))),
    },
    { label: "/reports (first page, newest first)", before: () => before.reports(big.am, 1), after: () => listReports(big.am, {}, parseListQuery({}, REPORT_LIST)), sql: () => queryRows(reportListPageStatement(big.am, parseListQuery({}, REPORT_LIST))) },
    { label: "/reports page 401 (OFFSET before, cursor now)", before: () => before.reports(big.am, 401), after: () => listReports(big.am, {}, deep(REPORT_LIST, reportCursor)), sql: () => queryRows(reportListPageStatement(big.am, deep(REPORT_LIST, reportCursor))) },
    { label: "/settings/audit (state: events, sealed, pending)", before: () => before.audit(big.admin), after: () => getAuditTrailState(big.admin), sql: null },
  ];
  // Before, now and SQL interleaved (random order each round), so the shared machine's load falls on all three alike.
  const interleaved = async (runs: Array<() => Promise<unknown>>) => {
    for (const run of runs) await run();
    const times = runs.map(() => [] as number[]);
    for (let round = 0; round < RUNS; round++) {
      for (const i of runs.map((_, k) => k).sort(() => Math.random() - 0.5)) {
        const t = performance.now();
        await runs[i]!();
        times[i]!.push(performance.now() - t);
      }
    }
    return times.map((list) => ({ median: list.sort((x, y) => x - y)[Math.floor(list.length / 2)]! }));
  };
  const rows: string[] = [];
  for (const c of cases) {
    const [b, a, s = null] = await interleaved(c.sql ? [c.before, c.after, c.sql] : [c.before, c.after]);
    if (!a || !b) throw new Error("interleaved: missing timings");
    rows.push(`| ${c.label} | ${ms(b.median)} | ${ms(a.median)} | **${(b.median / a.median).toFixed(1)}×** | ${s ? ms(s.median) : "—"} | ${s ? `${(a.median / s.median).toFixed(2)}×` : "—"} |`);
    console.log(`lists: ${c.label}: before ${ms(b.median)} ms, now ${ms(a.median)} ms${s ? `, SQL ${ms(s.median)} ms` : ""}`);
  }
  const smallRows: string[] = [];
  for (const [label, run] of smallCases) {
    const next = (await timed(RUNS, run)).median;
    smallRows.push(`| ${label} | ${workAlone.get(label)} | ${await work(label)} | ${ms(alone.get(label)!)} | ${ms(next)} | ${(next / alone.get(label)!).toFixed(2)}× |`);
  }

  const { machineLine } = await import("./machine");
  lines.push(
    `## Other lists (review queue, assessments, reports, audit trail)`,
    ``,
    `Measured by \`npm run bench -- lists\` on ${machineLine()}; embedded PostgreSQL, app role. One organisation with ${ASSESSMENTS.toLocaleString("en-GB")} assessments (${(ASSESSMENTS / 2).toLocaleString("en-GB")} waiting for review), ${REPORTS.toLocaleString("en-GB")} reports (a quarter shared) and ${EVENTS.toLocaleString("en-GB")} sealed audit events (loaded in ${loadSeconds.toFixed(0)} s). Medians of ${RUNS} rounds from one caller, in ms, before, now and SQL interleaved in random order each round. "Before" is the query the page made until issue 17 (Prisma, OFFSET, exact count; scripts/bench/lists.ts keeps it); "now" is the page's data (lib/db: one statement, rows validated); "SQL" is that statement alone through \`pg\`. On a machine this loaded, sub-10 ms medians still wobble; before ÷ now is the figure to read, and lib/db/work-lists.test.ts checks the plans (EXPLAIN) independently of load.`,
    ``,
    `| list | before ms | now ms | before ÷ now | SQL ms | now ÷ SQL |`,
    `|---|---|---|---|---|---|`,
    ...rows,
    ``,
    `A 6-assessment, 5-report tenant's first pages, alone in the database and next to the big one (ANALYZEd both times). Target ≈ 1×. The work (from \`EXPLAIN (ANALYZE, BUFFERS)\` of the page's statement: rows read by its table scans including rows filtered away, buffers touched) does not depend on the machine's load; the medians were taken minutes apart on a shared machine, so read them with that in mind. A database this small is read by Seq Scan when alone (the planner's right choice for a few pages); lib/db/work-lists.test.ts checks with EXPLAIN that a small tenant's first page next to big tenants reads only its own rows. Next to the big tenant the rows read stay in the hundreds, never its 30,000; the Seq Scans left there are of tables this bench keeps small (such as Vendor, about 100 rows, and Decision, empty), where reading a few pages whole is the planner's cheaper choice.`,
    ``,
    `| first page | work alone | work next to the big tenant | median alone ms | next to the big tenant | ratio |`,
    `|---|---|---|---|---|---|`,
    ...smallRows,
    ``,
    `How: indexes per sort ending in the tie-breaker (Assessment (organizationId, status, submittedAt, id) and (organizationId, updatedAt, id), Report (organizationId, createdAt, id), ShareLink (organizationId, reportId)); pages past 20 by keyset cursor; totals counted up to 1,000 ("1,000+"); the audit trail's counts from the chain head (sealed = the head's link number) and the unsealed tail only.`,
  );
  return lines.join("\n");
}
