import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { AI_PRODUCT_CATALOGUE } from "@/lib/catalogue/ai-products";
import { addDays, addMonths, calendarDateOf, calendarDateOfColumn } from "@/lib/domain/dates/calendar-date";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { clientInput } from "@/lib/validation/client";
import { certificationInput, dpaInput, subProcessorListInput } from "@/lib/validation/evidence";
import { parseListQuery } from "@/lib/validation/list-query";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { useCaseDecisionInput } from "@/lib/validation/use-case";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { seedCatalogue } from "./catalogue";
import { createCertification, updateCertification } from "./certifications";
import { createClient, updateClient } from "./clients";
import { prisma } from "./prisma-client";
import { getDashboardFigures } from "./dashboard";
import { createDpa, updateDpa } from "./dpas";
import { updateOrganizationSettings } from "./organizations";
import { createProduct, updateProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { listProducts, PRODUCT_LIST } from "./register-lists";
import { sendDueReminders } from "./reminders";
import { collectRenewalItems } from "./renewals";
import { importRegister } from "./register-io";
import { ORGANIZATION_REFRESH_IN_TRANSACTION_LIMIT, rescoreOrganizationsWhoseDayTurned } from "./score-refresh";
import { liveProductScore } from "./scoring";
import { setScoringWeights } from "./scoring-weights";
import { replaceSubProcessors } from "./sub-processors";
import { approvalMatrix } from "./approval-matrix";
import { createUseCase, decideUseCase, getUseCaseOverview } from "./use-cases";
import { createVendor } from "./vendors";

const today = () => calendarDateOf(new Date());
const PRODUCT = { name: "Assistant", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" };
const DPA = (productId: string, expiresAt: string) => ({ productId, title: "DPA 2026", signedAt: "2026-01-10", effectiveAt: "2026-01-10", expiresAt, breachNoticeHours: 48, transferMechanism: "NONE", isCurrent: true, clauses: DPA_CLAUSES.map((clause) => ({ clause, status: "PRESENT", evidence: "§1" })) });
const SOC2 = (productId: string, expiresAt: string) => ({ productId, type: "SOC2_TYPE_II", issuer: "Auditor LLP", issuedAt: "2026-03-31", expiresAt });

async function setUp(label: string) {
  const org = await createTestOrganization(label);
  const me = org.as.ACCOUNT_MANAGER;
  await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  const vendor = await createVendor(me, { name: `V ${Math.random()}`, website: null, description: null });
  const product = await createProduct(me, productInput.parse({ vendorId: vendor.id, ...PRODUCT }));
  const dpa = await createDpa(me, dpaInput.parse(DPA(product.id, addMonths(today(), 18))));
  const soc2 = await createCertification(me, certificationInput.parse(SOC2(product.id, addMonths(today(), 10))));
  await submit(org, product.id, "yes");
  return { org, vendorId: vendor.id, productId: product.id, dpaId: dpa.id, soc2Id: soc2.id };
}

async function submit(org: TestOrganization, productId: string, yesNo: "yes" | "no") {
  const me = org.as.ACCOUNT_MANAGER;
  const { id } = await startAssessment(me, productId);
  const { version } = await getAssessment(me, id);
  for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
    const value = q.type === "YES_NO" ? yesNo : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
    await saveAnswer(me, id, { questionKey: q.key, value });
  }
  await submitAssessment(me, id);
}

const approve = (useCaseId: string, extra: Record<string, unknown> = {}) =>
  useCaseDecisionInput.parse({ useCaseId, outcome: "APPROVED", justification: "Reviewed the evidence in full", conditions: [], ...extra });

/**
 * The product's tier and the use case's tier and status as the products list, the product page,
 * the approval matrix, the use-case page and the dashboard show them; fails unless they agree.
 */
async function shown(org: TestOrganization, productId: string, useCaseId: string, now = new Date()) {
  const ctx = org.as.COMPLIANCE_OFFICER;
  const [list, page, matrix, overview, dashboard] = await Promise.all([
    listProducts(ctx, parseListQuery({}, PRODUCT_LIST)),
    liveProductScore(ctx, productId, now),
    approvalMatrix(ctx, { page: 1, pageSize: 50, q: "" }, now),
    getUseCaseOverview(ctx, useCaseId, now),
    getDashboardFigures(ctx, now),
  ]);
  const listed = list.rows.find((r) => r.id === productId)!;
  const cell = matrix.clients.flatMap((c) => c.useCases).find((u) => u.id === useCaseId)!;
  const productTier = page.result.tier;
  expect(listed.currentTier, "products list vs product page").toBe(productTier);
  expect(listed.currentScore).toBe(page.result.score);
  expect(dashboard.criticalProducts, "dashboard's critical products").toBe(list.rows.filter((r) => r.currentTier === "CRITICAL" && !r.archivedAt).length);
  expect(cell.currentTier, "matrix vs use-case page").toBe(overview.score.result.tier);
  expect(cell.currentScore).toBe(overview.score.result.score);
  expect(cell.displayStatus, "matrix status vs use-case page").toBe(overview.displayStatus);
  expect(dashboard.suspendedApprovals).toBe(overview.displayStatus === "SUSPENDED" ? 1 : 0);
  expect(dashboard.lapsedApprovals).toBe(overview.displayStatus === "LAPSED" ? 1 : 0);
  return { productTier, productScore: listed.currentScore, useCaseTier: overview.score.result.tier, status: overview.displayStatus, useCase: overview.useCase };
}

describe("one owner for cached scores: every change refreshes, and every screen agrees", () => {
  it("after a product, DPA, certificate, sub-processor, submit, client, weights, time-zone change and a day passing", async () => {
    const { org, vendorId, productId, dpaId, soc2Id } = await setUp("Scores agree");
    const am = org.as.ACCOUNT_MANAGER;
    const useCase = await createUseCase(am, { clientId: org.clientId, productId, purpose: "Drafting replies", dataClasses: ["PII"] });
    expect((await shown(org, productId, useCase.id)).status).toBe("PROPOSED");
    await decideUseCase(org.as.COMPLIANCE_OFFICER, approve(useCase.id));
    const approved = await shown(org, productId, useCase.id);
    expect(approved.status).toBe("APPROVED");

    // Product: processing moves to the US only; the EU client's use case becomes CRITICAL (RESIDENCY_MISMATCH).
    await updateProduct(am, productId, productInput.parse({ vendorId, ...PRODUCT, processingRegions: "US" }));
    const moved = await shown(org, productId, useCase.id);
    expect(moved).toMatchObject({ useCaseTier: "CRITICAL", status: "SUSPENDED" });
    await updateProduct(am, productId, productInput.parse({ vendorId, ...PRODUCT }));
    expect(await shown(org, productId, useCase.id)).toMatchObject({ useCaseTier: approved.useCaseTier, status: "APPROVED" });

    // DPA: no longer signed → NO_DPA, critical for the product and the use case.
    await updateDpa(am, dpaId, dpaInput.parse({ ...DPA(productId, addMonths(today(), 18)), signedAt: null }));
    expect(await shown(org, productId, useCase.id)).toMatchObject({ productTier: "CRITICAL", useCaseTier: "CRITICAL", status: "SUSPENDED" });
    await updateDpa(am, dpaId, dpaInput.parse(DPA(productId, addMonths(today(), 18))));
    expect((await shown(org, productId, useCase.id)).status).toBe("APPROVED");

    // Certificate: the SOC 2's expiry edited to yesterday lapses the approval that relied on it.
    await updateCertification(am, soc2Id, certificationInput.parse(SOC2(productId, addDays(today(), -1))));
    const lapsed = await shown(org, productId, useCase.id);
    expect(lapsed.status).toBe("LAPSED");
    expect(calendarDateOfColumn(lapsed.useCase.validUntil)).toBe(addDays(today(), -1));
    expect(lapsed.useCase.validUntilWhy).toContain("SOC 2");
    await updateCertification(am, soc2Id, certificationInput.parse(SOC2(productId, addMonths(today(), 10))));
    expect((await shown(org, productId, useCase.id)).status).toBe("APPROVED");

    // Sub-processors.
    await replaceSubProcessors(am, subProcessorListInput.parse({ productId, items: [{ name: "Cloud Host", purpose: "Hosting", country: "Ireland" }] }));
    await shown(org, productId, useCase.id);

    // Submit: a new assessment with every yes/no answered "no" changes the questionnaire part.
    const before = (await liveProductScore(am, productId)).result.score;
    await submit(org, productId, "no");
    const afterSubmit = await shown(org, productId, useCase.id);
    expect((await liveProductScore(am, productId)).result.score).not.toBe(before);
    expect(afterSubmit.status).not.toBe("SUSPENDED");

    // Client: residency moves to the US; the EU-only product no longer fits (critical, suspended).
    await updateClient(org.as.ADMIN, org.clientId, clientInput.parse({ name: "Client A", dataClasses: ["PII"], residency: "US", frameworks: [] }));
    expect(await shown(org, productId, useCase.id)).toMatchObject({ useCaseTier: "CRITICAL", status: "SUSPENDED" });
    await updateClient(org.as.ADMIN, org.clientId, clientInput.parse({ name: "Client A", dataClasses: ["PII"], residency: "EU", frameworks: [] }));
    expect((await shown(org, productId, useCase.id)).status).not.toBe("SUSPENDED");

    // Weights: all weight on certifications moves every score.
    const scoreBefore = (await liveProductScore(am, productId)).result.score;
    await setScoringWeights(org.as.ADMIN, { dpa: 0, questionnaire: 1, certifications: 0 });
    await shown(org, productId, useCase.id);
    expect((await liveProductScore(am, productId)).result.score).not.toBe(scoreBefore);

    // Time zone.
    await updateOrganizationSettings(org.as.ADMIN, { timeZone: "Pacific/Kiritimati" });
    await shown(org, productId, useCase.id, new Date());

    // A day passing: the SOC 2 now expires tomorrow; the day after tomorrow the daily rescoring
    // moves the product's cached tier (expired evidence, no valid audit) and lapses the approval.
    await updateOrganizationSettings(org.as.ADMIN, { timeZone: "UTC" });
    await setScoringWeights(org.as.ADMIN, { dpa: 40, questionnaire: 40, certifications: 20 });
    await updateCertification(am, soc2Id, certificationInput.parse(SOC2(productId, addDays(today(), 1))));
    const beforeDay = await shown(org, productId, useCase.id);
    expect(beforeDay.status).toBe("APPROVED");
    const later = new Date(Date.now() + 2 * 86_400_000);
    // Listed and shown before the job runs would disagree: the job is what moves the caches.
    // (Only this test's organisation: a day two days ahead must not touch the other tests' caches.)
    const runs = await Promise.all([rescoreOrganizationsWhoseDayTurned(later, [org.organizationId]), rescoreOrganizationsWhoseDayTurned(later, [org.organizationId])]);
    expect(runs.sort(), "once a day per organisation, however many workers run it").toEqual([0, 1]);
    const afterDay = await shown(org, productId, useCase.id, later);
    expect(afterDay.status).toBe("LAPSED");
    // The certifications part fell to nothing: the cached score moved with the calendar.
    expect(afterDay.productScore).toBeLessThan(beforeDay.productScore!);
  });

  it("suspends an approval whose use case rises to CRITICAL with a flag its exception does not accept; counted, listed, reminded", async () => {
    const { org, vendorId, productId } = await setUp("Suspension");
    const client = await createClient(org.as.ADMIN, clientInput.parse({ name: "Clinic", dataClasses: ["PHI"], residency: "EU", frameworks: ["HIPAA"] }));
    const useCase = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: client.id, productId, purpose: "Patient letters", dataClasses: ["PHI"] });
    // PHI without a BAA: CRITICAL; approvable only under an exception, which records the flag it accepts.
    expect((await shown(org, productId, useCase.id)).useCaseTier).toBe("CRITICAL");
    const exception = { justification: "Pilot with de-identified letters only", riskAccepted: "PHI processed without a BAA during the pilot", clientConsent: "YES", consentBy: "Dr Lee", consentAt: today(), expiresAt: addMonths(today(), 6) };
    await decideUseCase(org.as.COMPLIANCE_OFFICER, approve(useCase.id, { withException: true, exception }));
    const [recorded] = await prisma.riskException.findMany({ where: { useCaseId: useCase.id, organizationId: org.organizationId } });
    expect(recorded!.acceptedFlags).toEqual(["PHI_WITHOUT_BAA"]);
    expect((await shown(org, productId, useCase.id)).status).toBe("APPROVED");

    // A new critical flag: the product now trains on customer data with no opt-out.
    await updateProduct(org.as.ACCOUNT_MANAGER, productId, productInput.parse({ vendorId, ...PRODUCT, trainingPolicy: "YES_NO_OPT_OUT" }));
    const suspended = await shown(org, productId, useCase.id);
    expect(suspended.status).toBe("SUSPENDED");
    expect(suspended.useCase.suspendedWhy).toContain("TRAINS_ON_CUSTOMER_DATA");
    expect(suspended.useCase.suspendedWhy).not.toMatch(/\(PHI_WITHOUT_BAA/);
    // On the renewals list, overdue at once, and reminded to the compliance officer.
    const items = await collectRenewalItems(org.as.COMPLIANCE_OFFICER, { until: today() });
    expect(items).toContainEqual(expect.objectContaining({ kind: "APPROVAL_SUSPENDED", itemId: useCase.id }));
    expect(await sendDueReminders(org.organizationId)).toBeGreaterThanOrEqual(1);
    const notes = await prisma.notification.findMany({ where: { organizationId: org.organizationId, userId: org.as.COMPLIANCE_OFFICER.userId, title: { contains: "suspended" } } });
    expect(notes).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: "usecase.suspend", entityId: useCase.id } })).toBe(1);
    // The old exception does not let it be approved again; a new one accepting both flags does.
    await expect(decideUseCase(org.as.COMPLIANCE_OFFICER, approve(useCase.id))).rejects.toMatchObject({ code: "CONFLICT" });
    await decideUseCase(org.as.COMPLIANCE_OFFICER, approve(useCase.id, { withException: true, exception }));
    expect((await shown(org, productId, useCase.id)).status).toBe("APPROVED");
  });

  it("scores the seeded catalogue, so the products list shows the tier each sample product's page shows", async () => {
    const org = await createTestOrganization("Catalogue scores");
    await seedCatalogue(org.as.ADMIN, AI_PRODUCT_CATALOGUE);
    const list = await listProducts(org.as.ADMIN, parseListQuery({ pageSize: "100" }, PRODUCT_LIST));
    expect(list.rows.length).toBe(AI_PRODUCT_CATALOGUE.length);
    for (const row of list.rows) {
      expect(row.currentTier, row.name).not.toBeNull();
      expect(row.currentTier, row.name).toBe((await liveProductScore(org.as.ADMIN, row.id)).result.tier);
    }
  });

  it("rescores a large organisation right after a weights change (too many products for the change's own transaction)", async () => {
    const org = await createTestOrganization("Large weights");
    const count = ORGANIZATION_REFRESH_IN_TRANSACTION_LIMIT + 1;
    const { vendorId: _unused, ...fields } = productInput.parse({ vendorId: "x", ...PRODUCT });
    const imported = await importRegister(
      org.as.ADMIN,
      Array.from({ length: count }, (_, i) => ({ row: i + 2, vendor: { name: "Bulk vendor", website: null, description: null }, product: { ...fields, name: `Product ${i}` } })),
    );
    expect(imported).toMatchObject({ ok: true, products: count });
    const scoreOf = async () => (await prisma.product.findMany({ where: { organizationId: org.organizationId }, select: { currentScore: true } })).map((p) => p.currentScore);
    expect((await scoreOf()).includes(null)).toBe(false);
    // Spoil every cache, so only a rescoring of all of them can put them right.
    await prisma.product.updateMany({ where: { organizationId: org.organizationId }, data: { currentScore: 99 } });
    await setScoringWeights(org.as.ADMIN, { dpa: 0, questionnaire: 0, certifications: 1 });
    const after = await scoreOf();
    expect(after).toHaveLength(count);
    // Every cached score was rescored after the commit, and each equals the page's.
    expect(new Set(after)).toEqual(new Set([(await liveProductScore(org.as.ADMIN, (await prisma.product.findFirstOrThrow({ where: { organizationId: org.organizationId } })).id)).result.score]));
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).scoresAsOf, "marked stale for the hourly run too").toBeNull();
  });
});
