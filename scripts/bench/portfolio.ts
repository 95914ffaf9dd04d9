/**
 * `npm run bench -- portfolio` (issue 17): a client's portfolio report data for 200 use cases.
 * Times the data assembly the report does (lib/db/report-data portfolioReportData: load, score
 * each use case in memory, words), counts its SQL statements, and compares it with the floor: the
 * one query that returns the same 200 rows with their product and vendor names and nothing else.
 * For scale it also times the way it was assembled before (one use-case overview and live score
 * per row, as the use-case page does). Called from scripts/bench.ts once the database is up.
 */
import { performance } from "node:perf_hooks";

const USE_CASES = 200;
const PRODUCTS = 100;
const RUNS = 15;

type Timed = (runs: number, run: () => Promise<unknown>) => Promise<{ median: number; p95: number }>;

export async function benchPortfolio(timed: Timed): Promise<string> {
  const { prisma } = await import("../../lib/db/prisma-client");
  const { createOrganization } = await import("../../lib/db/organizations");
  const { createTemplate } = await import("../../lib/db/questionnaires");
  const { createDpa } = await import("../../lib/db/dpas");
  const { createCertification } = await import("../../lib/db/certifications");
  const { getAssessment, startAssessment, submitAssessment } = await import("../../lib/db/assessments");
  const { saveAnswers } = await import("../../lib/db/answers");
  const { portfolioReportData } = await import("../../lib/db/report-data");
  const { getUseCaseOverview, listClientUseCases } = await import("../../lib/db/use-cases");
  const { countQueries } = await import("../../lib/db/query-counter");
  const { DEFAULT_QUESTIONNAIRE } = await import("../../lib/catalogue/default-questionnaire");
  const { templateSchema } = await import("../../lib/validation/questionnaire-template");
  const { certificationInput, dpaInput } = await import("../../lib/validation/evidence");
  const { DPA_CLAUSES } = await import("../../lib/domain/vocabulary");

  const created = await createOrganization({
    name: "Portfolio MSP",
    slug: "portfolio-bench",
    clients: [{ name: "Big Client", dataClasses: ["PII", "PHI"], residency: "EU", frameworks: ["GDPR", "HIPAA"] }],
    users: [
      { email: "am@portfolio.example", name: "Account manager", role: "ACCOUNT_MANAGER", passwordHash: "x" },
      { email: "admin@portfolio.example", name: "Admin", role: "ADMIN", passwordHash: "x" },
    ],
  });
  const as = (role: "ACCOUNT_MANAGER" | "ADMIN") => {
    const user = created.users.find((u) => u.role === role)!;
    return { organizationId: created.organization.id, userId: user.id, role, clientId: null, actorLabel: user.email, ip: null };
  };
  const me = as("ACCOUNT_MANAGER");
  const clientId = created.clientIds["Big Client"]!;
  await createTemplate(as("ADMIN"), templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });

  // 100 products of 50 vendors; every other one with a DPA and a certificate, every fifth with a
  // submitted questionnaire; two use cases of each (200), some approved.
  const tiers = ["CONSUMER", "BUSINESS", "ENTERPRISE"] as const;
  const vendors = Array.from({ length: PRODUCTS / 2 }, (_, i) => ({ id: `pv${i}`, organizationId: me.organizationId, name: `Portfolio vendor ${String(i).padStart(3, "0")}` }));
  await prisma.vendor.createMany({ data: vendors });
  const products = Array.from({ length: PRODUCTS }, (_, i) => ({
    id: `pp${i}`,
    organizationId: me.organizationId,
    vendorId: vendors[i % vendors.length]!.id,
    name: `Portfolio model ${String(i).padStart(3, "0")}`,
    tier: tiers[i % 3]!,
    deploymentModel: "CLOUD_API" as const,
    processingRegions: i % 4 === 0 ? ["US"] : ["EU"],
    trainingPolicy: i % 3 === 0 ? ("NEVER" as const) : ("UNKNOWN" as const),
  }));
  await prisma.product.createMany({ data: products });
  for (const [i, p] of products.entries()) {
    if (i % 2 === 0) {
      await createDpa(me, dpaInput.parse({ productId: p.id, title: `DPA ${i}`, signedAt: "2026-01-10", expiresAt: "2028-06-30", breachNoticeHours: 48, transferMechanism: "SCCS", isCurrent: true, clauses: DPA_CLAUSES.map((clause, k) => ({ clause, status: (k + i) % 5 === 0 ? "MISSING" : "PRESENT", evidence: "§1" })) }));
      await createCertification(me, certificationInput.parse({ productId: p.id, type: "ISO_27001", issuer: "BSI", issuedAt: "2026-01-01", expiresAt: "2028-01-01" }));
    }
    if (i % 5 === 0) {
      const { id } = await startAssessment(me, p.id);
      const { version } = await getAssessment(me, id);
      const answers = version.definition.sections
        .flatMap((s) => s.questions)
        .filter((q) => q.required)
        .map((q) => ({ questionKey: q.key, value: q.type === "YES_NO" ? "yes" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x" }));
      await saveAnswers(me, id, answers);
      await submitAssessment(me, id);
    }
  }
  const classes = [["PII"], ["PII", "PHI"], ["PCI"], []] as const;
  await prisma.useCase.createMany({
    data: Array.from({ length: USE_CASES }, (_, i) => ({
      organizationId: me.organizationId,
      clientId,
      productId: products[i % PRODUCTS]!.id,
      purpose: `Purpose ${String(i).padStart(3, "0")}`,
      dataClasses: [...classes[i % classes.length]!],
      status: i % 7 === 0 ? ("APPROVED" as const) : ("PROPOSED" as const),
      validUntil: i % 7 === 0 ? new Date(i % 14 === 0 ? "2025-01-31T00:00:00Z" : "2028-01-31T00:00:00Z") : null,
    })),
  });

  const ctx = { ...me, role: "COMPLIANCE_OFFICER" as const };
  const { result, queries } = await countQueries(() => portfolioReportData(ctx, clientId));
  if (result.useCases.length !== USE_CASES) throw new Error(`expected ${USE_CASES} use cases, got ${result.useCases.length}`);
  const assembly = await timed(RUNS, () => portfolioReportData(ctx, clientId));
  const floor = await timed(RUNS, () =>
    prisma.$queryRaw`SELECT u."id", u."purpose", u."status", p."name", v."name" AS "vendorName" FROM "UseCase" u JOIN "Product" p ON p."id" = u."productId" JOIN "Vendor" v ON v."id" = p."vendorId" WHERE u."clientId" = ${clientId} AND u."organizationId" = ${me.organizationId} ORDER BY p."name", u."purpose"`,
  );
  // Before issue 17: one overview (with its live score) per use case.
  const oneByOne = async () => {
    const rows = await listClientUseCases(ctx, clientId);
    await Promise.all(rows.map((row) => getUseCaseOverview(ctx, row.id)));
  };
  const before = await countQueries(oneByOne);
  const beforeStart = performance.now();
  await oneByOne();
  const beforeMs = performance.now() - beforeStart;

  const ratio = assembly.median / floor.median;
  console.log(`portfolio (${USE_CASES} use cases): ${queries} queries, median ${assembly.median.toFixed(1)} ms, p95 ${assembly.p95.toFixed(1)} ms; floor ${floor.median.toFixed(2)} ms (${ratio.toFixed(1)}×); one by one ${before.queries} queries, ${beforeMs.toFixed(0)} ms`);
  return [
    "## Portfolio report data",
    "",
    `Measured by \`npm run bench -- portfolio\` on ${new Date().toISOString().slice(0, 10)}: one client with ${USE_CASES} use cases of ${PRODUCTS} products (half with a DPA and a certificate, a fifth with a submitted questionnaire), the data a portfolio report is built from (lib/db/report-data.ts: load, score every use case in memory, words); ${RUNS} runs after a warm-up, embedded PostgreSQL 18 on this project's 2-core machine, shared with other work while measured. The floor is the single query returning the same ${USE_CASES} rows with their product and vendor names. Targets (issue 17): at most 10 queries whatever the count, under 300 ms.`,
    "",
    "| figure | value |",
    "|---|---|",
    `| SQL statements per report | ${queries} (the same for 5 or 50 use cases: lib/db/portfolio-report-queries.test.ts) |`,
    `| data assembly, median / p95 | ${assembly.median.toFixed(1)} / ${assembly.p95.toFixed(1)} ms |`,
    `| single-query floor, median | ${floor.median.toFixed(2)} ms |`,
    `| assembly against the floor | ${ratio.toFixed(1)}× |`,
    `| before (one overview per use case), one run | ${before.queries} statements, ${beforeMs.toFixed(0)} ms |`,
    "",
  ].join("\n");
}
