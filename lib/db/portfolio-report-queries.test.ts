import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { statusShownForUseCase } from "@/lib/domain/approvals/approval-validity";
import { calendarDateOfColumn } from "@/lib/domain/dates/calendar-date";
import { portfolioReportContent } from "@/lib/domain/reports/portfolio-report";
import { DPA_CLAUSES, type DataClass } from "@/lib/domain/vocabulary";
import { createTestOrganization, recordTestEvidenceFile, type TestOrganization } from "@/lib/testing/fixtures";
import { certificationInput, dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { useCaseDecisionInput } from "@/lib/validation/use-case";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { createCertification } from "./certifications";
import { createDpa } from "./dpas";
import { prisma } from "./prisma-client";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { countQueries } from "./query-counter";
import { portfolioReportData } from "./report-data";
import { currentScoringModel } from "./scoring";
import { todayFor } from "./tenant";
import { createUseCase, decideUseCase, getUseCaseOverview, listClientUseCases } from "./use-cases";
import { createVendor } from "./vendors";

const NOW = new Date("2026-11-23T10:00:00Z");

/** Products of every evidence shape the score reads: DPA and certificate, a submitted questionnaire, or nothing at all. */
async function register(org: TestOrganization) {
  const me = org.as.ACCOUNT_MANAGER;
  await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  const ids: string[] = [];
  for (const [i, tier] of (["ENTERPRISE", "BUSINESS", "CONSUMER", "ENTERPRISE"] as const).entries()) {
    const v = await createVendor(me, { name: `Vendor ${i} ${Math.random()}`, website: null, description: null });
    const p = await createProduct(me, productInput.parse({ vendorId: v.id, name: `Product ${i}`, tier, deploymentModel: "CLOUD_API", processingRegions: i === 2 ? "US" : "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: false, trainingPolicy: i === 2 ? "YES_NO_OPT_OUT" : "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
    ids.push(p.id);
    if (i % 2 === 0) {
      await createDpa(me, dpaInput.parse({ productId: p.id, title: `DPA ${i}`, signedAt: "2026-01-10", expiresAt: "2027-06-30", breachNoticeHours: 48, transferMechanism: "NONE", isCurrent: true, clauses: DPA_CLAUSES.map((clause, k) => ({ clause, status: k % 3 === 0 ? "MISSING" : "PRESENT", evidence: "§1" })) }));
      await createCertification(me, certificationInput.parse({ productId: p.id, type: "SOC2_TYPE_II", issuer: "Auditor LLP", issuedAt: "2026-03-31", expiresAt: "2027-03-31", fileId: await recordTestEvidenceFile(me) }));
    }
  }
  // A submitted questionnaire for the first product, so its answers count.
  const { id } = await startAssessment(me, ids[0]!);
  const { version } = await getAssessment(me, id);
  for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
    const value = q.type === "YES_NO" ? "yes" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
    await saveAnswer(me, id, { questionKey: q.key, value });
  }
  await submitAssessment(me, id);
  return ids;
}

const CLASSES: DataClass[][] = [["PII"], ["PII", "PHI"], ["PCI", "CONFIDENTIAL"], []];

/** Adds use cases up to `count` for the organisation's client, spread over the products and data classes. */
async function useCasesUpTo(org: TestOrganization, productIds: string[], count: number) {
  const have = await prisma.useCase.count({ where: { organizationId: org.organizationId, clientId: org.clientId } });
  for (let i = have; i < count; i++) {
    await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId: productIds[i % productIds.length]!, purpose: `Purpose ${String(i).padStart(3, "0")}`, dataClasses: CLASSES[i % CLASSES.length]! });
  }
}

/** The portfolio as it was assembled before issue 17: one use-case overview (and its live score) per row. */
async function portfolioOneByOne(org: TestOrganization) {
  const ctx = org.as.COMPLIANCE_OFFICER;
  const today = todayFor(ctx, NOW);
  const client = await prisma.client.findFirstOrThrow({ where: { id: org.clientId, organizationId: org.organizationId } });
  const organization = await prisma.organization.findUniqueOrThrow({ where: { id: org.organizationId } });
  const rows = await listClientUseCases(ctx, org.clientId, NOW);
  const model = await currentScoringModel(ctx);
  const useCases = [];
  for (const row of rows) {
    const o = await getUseCaseOverview(ctx, row.id, NOW);
    const day = (d: Date | null) => (d ? calendarDateOfColumn(d) : null);
    useCases.push({
      vendorName: o.useCase.product.vendor.name,
      productName: o.useCase.product.name,
      purpose: o.useCase.purpose,
      status: statusShownForUseCase(o.useCase.status, day(o.useCase.validUntil), today, o.useCase.suspendedAt !== null),
      tier: o.score.result.tier,
      score: o.score.result.score,
      validUntil: day(o.useCase.validUntil),
      flagIds: o.score.result.flags.map((f) => f.id),
    });
  }
  return portfolioReportContent({
    organizationName: organization.name,
    client: { name: client.name, residency: client.residency, dataClasses: client.dataClasses, frameworks: client.frameworks },
    useCases,
    weights: { dpa: model.dpaWeight, questionnaire: model.questionnaireWeight, certifications: model.certificationWeight },
  });
}

describe("portfolio report data (issue 17: no N+1)", () => {
  it("reads the same fixed number of queries (at most 10) for 5 and for 50 use cases, and says the same as scoring each use case on its own", async () => {
    const org = await createTestOrganization("Portfolio queries");
    const productIds = await register(org);
    await useCasesUpTo(org, productIds, 5);
    // One approved use case, so a decision's status and valid-until show.
    const first = (await listClientUseCases(org.as.COMPLIANCE_OFFICER, org.clientId, NOW)).find((u) => u.productId === productIds[0])!;
    await decideUseCase(org.as.COMPLIANCE_OFFICER, useCaseDecisionInput.parse({ useCaseId: first.id, outcome: "APPROVED", justification: "Reviewed the evidence in full", conditions: [] }), NOW);
    await currentScoringModel(org.as.ADMIN);

    const five = await countQueries(() => portfolioReportData(org.as.COMPLIANCE_OFFICER, org.clientId, NOW));
    expect(five.result.useCases).toHaveLength(5);
    expect(five.result).toEqual(await portfolioOneByOne(org));
    expect(five.result.useCases.some((u) => u.status === "Approved")).toBe(true);
    expect(new Set(five.result.useCases.map((u) => u.tier)).size).toBeGreaterThan(1);

    await useCasesUpTo(org, productIds, 50);
    const fifty = await countQueries(() => portfolioReportData(org.as.COMPLIANCE_OFFICER, org.clientId, NOW));
    expect(fifty.result.useCases).toHaveLength(50);
    expect(fifty.result).toEqual(await portfolioOneByOne(org));

    expect(five.queries).toBeGreaterThan(0);
    expect(fifty.queries).toBe(five.queries);
    expect(fifty.queries, fifty.statements.join("\n")).toBeLessThanOrEqual(10);
  });

  it("keeps to the organisation: another organisation's client is not found", async () => {
    const org = await createTestOrganization("Portfolio wall");
    const other = await createTestOrganization("Portfolio other");
    await expect(portfolioReportData(other.as.COMPLIANCE_OFFICER, org.clientId, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
