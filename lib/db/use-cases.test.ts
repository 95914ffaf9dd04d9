import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { createTestOrganization, recordTestEvidenceFile, type TestOrganization } from "@/lib/testing/fixtures";
import { clientInput } from "@/lib/validation/client";
import { certificationInput, dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { useCaseDecisionInput } from "@/lib/validation/use-case";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { createCertification } from "./certifications";
import { createClient } from "./clients";
import { prisma } from "./prisma-client";
import { getDashboardFigures } from "./dashboard";
import { createDpa } from "./dpas";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { recordConditionMet } from "./conditions";
import { collectRenewalItems } from "./renewals";
import { conditionMetInput } from "@/lib/validation/decision";
import { approvalMatrix } from "./approval-matrix";
import { createUseCase, decideUseCase, getUseCaseOverview, listClientUseCases, revokeException } from "./use-cases";
import { createVendor } from "./vendors";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";

/** A product with a signed DPA (all clauses present, expiring 2027-06-30) and a SOC 2 Type II to 2027-03-31, processed in the EU only. */
async function productWithEvidence(org: TestOrganization) {
  const me = org.as.ACCOUNT_MANAGER;
  const v = await createVendor(me, { name: `V ${Math.random()}`, website: null, description: null });
  const p = await createProduct(me, productInput.parse({ vendorId: v.id, name: "Assistant", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
  await createDpa(me, dpaInput.parse({ productId: p.id, title: "DPA 2026", signedAt: "2026-01-10", effectiveAt: "2026-01-10", expiresAt: "2027-06-30", breachNoticeHours: 48, transferMechanism: "NONE", isCurrent: true, clauses: DPA_CLAUSES.map((clause) => ({ clause, status: "PRESENT", evidence: "§1" })) }));
  await createCertification(me, certificationInput.parse({ productId: p.id, type: "SOC2_TYPE_II", issuer: "Auditor LLP", issuedAt: "2026-03-31", expiresAt: "2027-03-31", fileId: await recordTestEvidenceFile(me) }));
  return p.id;
}

async function submit(org: TestOrganization, productId: string) {
  const me = org.as.ACCOUNT_MANAGER;
  const { id } = await startAssessment(me, productId);
  const { version } = await getAssessment(me, id);
  for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
    const value = q.type === "YES_NO" ? "yes" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
    await saveAnswer(me, id, { questionKey: q.key, value });
  }
  await submitAssessment(me, id);
  return id;
}

const NOW = new Date("2026-11-23T10:00:00Z");
const decide = (raw: Record<string, unknown>) => useCaseDecisionInput.parse({ justification: "Reviewed the evidence in full", conditions: [], ...raw });

describe("use cases and approvals", () => {
  it("approves per use case until the earliest of review and evidence expiry, and keeps separation of duties", async () => {
    const org = await createTestOrganization("Use cases");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const productId = await productWithEvidence(org);
    const useCase = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId, purpose: "Drafting marketing copy", dataClasses: ["PII"] });

    // Nothing to rely on before an assessment is submitted.
    await expect(decideUseCase(org.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase.id, outcome: "APPROVED" }), NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    await submit(org, productId);
    // The submitter cannot decide, even with the compliance role.
    await expect(decideUseCase({ ...org.as.ACCOUNT_MANAGER, role: "COMPLIANCE_OFFICER" }, decide({ useCaseId: useCase.id, outcome: "APPROVED" }), NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await decideUseCase(org.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase.id, outcome: "APPROVED" }), NOW);
    const overview = await getUseCaseOverview(org.as.COMPLIANCE_OFFICER, useCase.id, NOW);
    expect(overview.useCase.status).toBe("APPROVED");
    // The SOC 2 report (2027-03-31) lapses before the DPA (2027-06-30) and before the next review.
    expect(overview.useCase.validUntil?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(overview.useCase.validUntilWhy).toMatch(/SOC 2 Type II/i);
    expect(overview.displayStatus).toBe("APPROVED");
    expect(overview.decisions[0]).toMatchObject({ outcome: "APPROVED", decidedById: org.as.COMPLIANCE_OFFICER.userId });
    expect(overview.decisions[0]!.snapshotId).not.toBeNull();

    // The day after its evidence lapses, the approval shows LAPSED everywhere.
    const later = new Date("2027-04-01T09:00:00Z");
    expect((await getUseCaseOverview(org.as.COMPLIANCE_OFFICER, useCase.id, later)).displayStatus).toBe("LAPSED");
    expect((await listClientUseCases(org.as.ADMIN, org.clientId, later))[0]!.displayStatus).toBe("LAPSED");
    const matrix = await approvalMatrix(org.as.ADMIN, { page: 1, pageSize: 25, q: "" }, later);
    expect(matrix.clients.find((c) => c.id === org.clientId)!.useCases[0]!.displayStatus).toBe("LAPSED");
    expect(matrix.products.map((p) => p.id)).toEqual([productId]);
    expect(await getDashboardFigures(org.as.ADMIN, later)).toMatchObject({ lapsedApprovals: 1, useCasesAwaitingDecision: 0 });
    expect(await getDashboardFigures(org.as.ADMIN, NOW)).toMatchObject({ lapsedApprovals: 0 });
  });

  it("approves a CRITICAL use case only under an exception, and evaluates the per-use-case flags", async () => {
    const org = await createTestOrganization("Critical");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const productId = await productWithEvidence(org);
    await submit(org, productId);
    const clinic = await createClient(org.as.ADMIN, clientInput.parse({ name: "US Clinic", dataClasses: ["PHI"], residency: "US", frameworks: ["HIPAA"] }));
    const useCase = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: clinic.id, productId, purpose: "Summarising patient notes", dataClasses: ["PHI"] });
    const overview = await getUseCaseOverview(org.as.COMPLIANCE_OFFICER, useCase.id, NOW);
    expect(overview.score.result.tier).toBe("CRITICAL");
    expect(overview.score.result.flags.map((f) => f.id)).toEqual(expect.arrayContaining(["RESIDENCY_MISMATCH", "PHI_WITHOUT_BAA"]));
    // The same product for an EU client with PII only carries neither flag.
    const eu = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId, purpose: "Chat", dataClasses: ["PII"] });
    const euFlags = (await getUseCaseOverview(org.as.COMPLIANCE_OFFICER, eu.id, NOW)).score.result.flags.map((f) => f.id);
    expect(euFlags).not.toContain("RESIDENCY_MISMATCH");
    expect(euFlags).not.toContain("PHI_WITHOUT_BAA");

    await expect(decideUseCase(org.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase.id, outcome: "APPROVED" }), NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { withException: expect.any(String) },
    });
    // Rejecting needs no exception.
    await decideUseCase(org.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase.id, outcome: "REJECTED" }), NOW);
    // An exception that outlives 12 months, or has already expired, is refused by field.
    const exception = { justification: "Pilot limited to de-identified notes", riskAccepted: "US residency and BAA not yet in place", clientConsent: "YES", consentBy: "Dr. Rivera, CMO", consentAt: "2026-11-20", expiresAt: "2028-01-31" };
    await expect(decideUseCase(org.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase.id, outcome: "APPROVED", withException: true, exception }), NOW)).rejects.toMatchObject({ fieldErrors: { "exception.expiresAt": expect.stringMatching(/12 months/) } });
    expect(useCaseDecisionInput.safeParse({ useCaseId: "x", outcome: "APPROVED", justification: "Reviewed the evidence", withException: true, exception: { ...exception, consentBy: "" } }).error?.issues[0]?.path).toEqual(["exception", "consentBy"]);

    await decideUseCase(org.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase.id, outcome: "APPROVED", withException: true, exception: { ...exception, expiresAt: "2027-01-31" } }), NOW);
    const approved = await getUseCaseOverview(org.as.COMPLIANCE_OFFICER, useCase.id, NOW);
    expect(approved.useCase.status).toBe("APPROVED");
    expect(approved.useCase.validUntil?.toISOString().slice(0, 10)).toBe("2027-01-31");
    expect(approved.useCase.validUntilWhy).toBe("the risk exception expires");
    expect(approved.exceptions[0]).toMatchObject({ clientConsent: true, consentBy: "Dr. Rivera, CMO", active: true });
    expect(approved.decisions[0]!.exceptionId).toBe(approved.exceptions[0]!.id);

    // Revoking the exception withdraws the approval that stood on it.
    await revokeException(org.as.COMPLIANCE_OFFICER, approved.exceptions[0]!.id);
    expect((await getUseCaseOverview(org.as.COMPLIANCE_OFFICER, useCase.id, NOW)).useCase.status).toBe("PROPOSED");
  });

  it("never shows or decides another organisation's use case, and refuses duplicates by field", async () => {
    const org = await createTestOrganization("UC tenancy");
    const other = await createTestOrganization("UC other");
    const productId = await productWithEvidence(org);
    const useCase = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId, purpose: "Support replies", dataClasses: [] });
    await expect(getUseCaseOverview(other.as.ADMIN, useCase.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decideUseCase(other.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase.id, outcome: "REJECTED" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createUseCase(other.as.ACCOUNT_MANAGER, { clientId: other.clientId, productId, purpose: "Borrowed product", dataClasses: [] })).rejects.toMatchObject({ fieldErrors: { productId: expect.any(String) } });
    await expect(createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId, purpose: "Support replies", dataClasses: [] })).rejects.toMatchObject({ fieldErrors: { purpose: expect.any(String) } });
    expect(await prisma.useCase.count({ where: { organizationId: org.organizationId } })).toBe(1);
  });

  it("records a condition as met once, with how; it leaves the renewals, and a superseded decision's conditions are history", async () => {
    const org = await createTestOrganization("Conditions");
    const other = await createTestOrganization("Conditions other");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const productId = await productWithEvidence(org);
    const useCase = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId, purpose: "Summarising tickets", dataClasses: ["PII"] });
    await submit(org, productId);
    await decideUseCase(
      org.as.COMPLIANCE_OFFICER,
      decide({ useCaseId: useCase.id, outcome: "APPROVED_WITH_CONDITIONS", conditions: [{ text: "Turn off chat history", dueAt: "2026-12-10" }, { text: "Train the staff", dueAt: "2027-01-15" }] }),
      NOW,
    );
    const conditionItems = async () => (await collectRenewalItems(org.as.ADMIN, { until: "2027-12-31" })).filter((i) => i.kind === "CONDITION_DUE").map((i) => i.title);
    expect(await conditionItems()).toEqual(expect.arrayContaining(["Condition due: Turn off chat history", "Condition due: Train the staff"]));
    const [first, second] = (await getUseCaseOverview(org.as.ACCOUNT_MANAGER, useCase.id, NOW)).decisions[0]!.conditions;

    // The note is the evidence: required, and named when missing.
    const bad = conditionMetInput.safeParse({ conditionId: first!.id, note: "done" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["note"]);
    // Another organisation cannot reach it by id.
    await expect(recordConditionMet(other.as.ACCOUNT_MANAGER, { conditionId: first!.id, note: "Done in the admin console" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await recordConditionMet(org.as.ACCOUNT_MANAGER, { conditionId: first!.id, note: "History is off in the admin console (screenshot in ticket 4411)." }, NOW);
    const after = (await getUseCaseOverview(org.as.COMPLIANCE_OFFICER, useCase.id, NOW)).decisions[0]!;
    expect(after.inForce).toBe(true);
    expect(after.conditions.find((c) => c.id === first!.id)).toMatchObject({ metById: org.as.ACCOUNT_MANAGER.userId, metBy: expect.any(String), metNote: expect.stringContaining("ticket 4411") });
    expect(await conditionItems()).toEqual(["Condition due: Train the staff"]);
    const event = await prisma.auditEvent.findFirst({ where: { organizationId: org.organizationId, action: "condition.met" } });
    expect(event).toMatchObject({ entityType: "UseCase", entityId: useCase.id });
    // Once only: again, or two people at the same moment, and one of them is told.
    await expect(recordConditionMet(org.as.COMPLIANCE_OFFICER, { conditionId: first!.id, note: "Recorded a second time" })).rejects.toMatchObject({ code: "CONFLICT" });
    const race = await Promise.allSettled([
      recordConditionMet(org.as.ACCOUNT_MANAGER, { conditionId: second!.id, note: "Training given on 1 December" }),
      recordConditionMet(org.as.COMPLIANCE_OFFICER, { conditionId: second!.id, note: "Training attended by all staff" }),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(race.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: "condition.met" } })).toBe(2);

    // A new decision replaces the old one: its open conditions leave the renewals and cannot be recorded.
    await decideUseCase(org.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase.id, outcome: "APPROVED_WITH_CONDITIONS", conditions: [{ text: "Review the retention setting", dueAt: "2027-02-01" }] }), NOW);
    const useCase2 = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId, purpose: "Drafting replies", dataClasses: [] });
    await decideUseCase(org.as.COMPLIANCE_OFFICER, decide({ useCaseId: useCase2.id, outcome: "APPROVED_WITH_CONDITIONS", conditions: [{ text: "Label drafts as AI-written", dueAt: "2027-03-01" }] }), NOW);
    const [latest, superseded] = (await getUseCaseOverview(org.as.COMPLIANCE_OFFICER, useCase.id, NOW)).decisions;
    const stale = await prisma.decisionCondition.create({ data: { organizationId: org.organizationId, decisionId: superseded!.id, text: "An old open condition", dueAt: new Date("2027-01-20") } });
    expect([latest!.inForce, superseded!.inForce]).toEqual([true, false]);
    expect(await conditionItems()).toEqual(expect.arrayContaining(["Condition due: Review the retention setting", "Condition due: Label drafts as AI-written"]));
    expect(await conditionItems()).not.toContain("Condition due: An old open condition");
    await expect(recordConditionMet(org.as.ACCOUNT_MANAGER, { conditionId: stale.id, note: "Too late to matter now" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
