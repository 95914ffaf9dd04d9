import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { createTestOrganization, recordTestEvidenceFile, type TestOrganization } from "@/lib/testing/fixtures";
import { certificationInput, dpaInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { useCaseDecisionInput } from "@/lib/validation/use-case";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { createCertification } from "./certifications";
import { createDpa } from "./dpas";
import { accountManagerHome, adminHome, complianceHome, homeRenewals } from "./home";
import { tierStatusCharts } from "./home-charts";
import { prisma } from "./prisma-client";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { decideAssessment } from "./reviews";
import { createUseCase, decideUseCase } from "./use-cases";
import { createVendor } from "./vendors";

/** A product with a signed DPA expiring 2027-06-30 and a SOC 2 Type II to 2027-03-31. */
async function product(org: TestOrganization, name: string) {
  const me = org.as.ACCOUNT_MANAGER;
  const v = await createVendor(me, { name: `V ${name} ${Math.random()}`, website: null, description: null });
  const p = await createProduct(me, productInput.parse({ vendorId: v.id, name, tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
  await createDpa(me, dpaInput.parse({ productId: p.id, title: "DPA 2026", signedAt: "2026-01-10", effectiveAt: "2026-01-10", expiresAt: "2027-06-30", breachNoticeHours: 48, transferMechanism: "NONE", isCurrent: true, clauses: DPA_CLAUSES.map((clause) => ({ clause, status: "PRESENT", evidence: "§1" })) }));
  await createCertification(me, certificationInput.parse({ productId: p.id, type: "SOC2_TYPE_II", issuer: "Auditor LLP", issuedAt: "2026-03-31", expiresAt: "2027-03-31", fileId: await recordTestEvidenceFile(me) }));
  return p.id;
}

async function fill(org: TestOrganization, productId: string, submit: boolean) {
  const me = org.as.ACCOUNT_MANAGER;
  const { id } = await startAssessment(me, productId);
  const { version } = await getAssessment(me, id);
  for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
    const value = q.type === "YES_NO" ? "yes" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
    await saveAnswer(me, id, { questionKey: q.key, value });
  }
  if (submit) await submitAssessment(me, id);
  return id;
}

const NOW = new Date("2026-11-23T10:00:00Z");

async function busyOrganization(label: string) {
  const org = await createTestOrganization(label);
  await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  const [draftP, changesP, queuedP, approvedP] = [await product(org, "Draft"), await product(org, "Changes"), await product(org, "Queued"), await product(org, "Approved")];
  const draft = await fill(org, draftP, false);
  const changes = await fill(org, changesP, true);
  await decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: changes, outcome: "CHANGES_REQUESTED", justification: "Attach the DPA please", conditions: [] });
  const queued = await fill(org, queuedP, true);
  const approved = await fill(org, approvedP, true);
  // A condition of the product's approval, due 2027-03-05, still open.
  await decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: approved, outcome: "APPROVED_WITH_CONDITIONS", justification: "Approved with a follow-up", conditions: [{ text: "Confirm EU hosting", dueAt: new Date("2027-03-05") }] });
  const useCase = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId: approvedP, purpose: "Drafting", dataClasses: ["PII"] });
  await decideUseCase(org.as.COMPLIANCE_OFFICER, useCaseDecisionInput.parse({ useCaseId: useCase.id, outcome: "APPROVED", justification: "Reviewed the evidence in full", conditions: [] }), NOW);
  return { org, draft, changes, queued, useCaseId: useCase.id };
}

describe("role home figures", () => {
  it("counts each role's work in its own organisation only, matching the lists the tiles open", async () => {
    const a = await busyOrganization("Home A");
    const b = await busyOrganization("Home B");
    const { org } = a;

    // Account manager: one draft and one sent back, both theirs.
    expect(await accountManagerHome(org.as.ACCOUNT_MANAGER)).toEqual({ drafts: 1, changesRequested: 1 });
    // "My work" is the assessments they started or submitted: the compliance officer has none.
    expect(await accountManagerHome(org.as.COMPLIANCE_OFFICER)).toEqual({ drafts: 0, changesRequested: 0 });

    // Compliance officer: the one submitted assessment still waiting, oldest first.
    const co = await complianceHome(org.as.COMPLIANCE_OFFICER);
    expect(co.queued).toBe(1);
    expect(co.oldest.map((q) => q.id)).toEqual([a.queued]);
    expect(co.suspended).toBe(0);

    // Dates: on 2027-03-01 the SOC 2 reports (2027-03-31, four products) are within 30 days, the
    // condition (2027-03-05) is due this week, and the approval (valid until 2027-03-31) has not lapsed.
    const march = await homeRenewals(org.as.ACCOUNT_MANAGER, new Date("2027-03-01T09:00:00Z"));
    expect(march.figures).toMatchObject({ evidenceExpiring: 4, openConditions: 1, lapsedApprovals: 0, exceptionsExpiring: 0 });
    expect(march.figures.renewalsThisWeek).toBe(1);
    // On 2027-04-02 the approval has lapsed with its evidence, and the certificates are overdue (still "expiring": not renewed).
    const april = await homeRenewals(org.as.COMPLIANCE_OFFICER, new Date("2027-04-02T09:00:00Z"));
    expect(april.figures).toMatchObject({ lapsedApprovals: 1, evidenceExpiring: 4 });
    // The timeline puts overdue items first and counts each dated item once.
    expect(april.timeline[0]!.label).toBe("Overdue");
    expect(april.timeline).toHaveLength(14);
    expect(april.timeline[0]!.counts.CERTIFICATION_EXPIRY).toBe(4);

    // Suspension and an expiring exception, as score refresh and the officer would record them.
    await prisma.useCase.update({ where: { id: a.useCaseId }, data: { suspendedAt: NOW, suspendedWhy: "Became CRITICAL" } });
    await prisma.riskException.create({ data: { organizationId: org.organizationId, useCaseId: a.useCaseId, justification: "Client accepts", riskAccepted: "PHI", clientConsent: true, expiresAt: new Date("2026-12-10"), grantedById: org.as.COMPLIANCE_OFFICER.userId } });
    expect((await complianceHome(org.as.COMPLIANCE_OFFICER)).suspended).toBe(1);
    expect((await homeRenewals(org.as.COMPLIANCE_OFFICER, NOW)).figures.exceptionsExpiring).toBe(1);

    // Admin: three staff without two-step (the viewer is not staff); one failed mail, not the sent or waiting ones.
    expect((await adminHome(org.as.ADMIN)).usersWithoutMfa).toBe(3);
    await prisma.user.update({ where: { id: org.as.COMPLIANCE_OFFICER.userId }, data: { mfaEnabledAt: NOW } });
    await prisma.outboxEmail.createMany({
      data: [
        { organizationId: org.organizationId, to: "x@example.com", subject: "Failed", body: ".", error: "550 mailbox unavailable" },
        { organizationId: org.organizationId, to: "x@example.com", subject: "Retried and sent", body: ".", error: "timeout", sentAt: NOW },
        { organizationId: org.organizationId, to: "x@example.com", subject: "Waiting", body: "." },
      ],
    });
    const admin = await adminHome(org.as.ADMIN);
    expect(admin).toMatchObject({ usersWithoutMfa: 2, failedMail: 1 });
    expect(admin.audit.events).toBeGreaterThan(0);
    expect(admin.audit.sealed + admin.audit.pending).toBe(admin.audit.events);

    // Organisation B, with the same work, sees only its own, untouched by A's changes.
    expect(await accountManagerHome(b.org.as.ACCOUNT_MANAGER)).toEqual({ drafts: 1, changesRequested: 1 });
    expect(await complianceHome(b.org.as.COMPLIANCE_OFFICER)).toMatchObject({ queued: 1, suspended: 0, oldest: [expect.objectContaining({ id: b.queued })] });
    expect(await adminHome(b.org.as.ADMIN)).toMatchObject({ usersWithoutMfa: 3, failedMail: 0 });
    expect((await homeRenewals(b.org.as.COMPLIANCE_OFFICER, NOW)).figures.exceptionsExpiring).toBe(0);
  });

  it("charts products and use cases by tier and status with one GROUP BY each, per organisation", async () => {
    const { org, useCaseId } = await busyOrganization("Home charts");
    const other = await createTestOrganization("Home charts other");
    await product(other, "Elsewhere");

    const charts = await tierStatusCharts(org.as.ADMIN, NOW);
    expect(charts.products.total).toBe(4);
    const productStatus = (s: string) => charts.products.rows.reduce((n, r) => n + (r.counts[s] ?? 0), 0);
    expect([productStatus("DRAFT"), productStatus("CHANGES_REQUESTED"), productStatus("SUBMITTED"), productStatus("APPROVED_WITH_CONDITIONS")]).toEqual([1, 1, 1, 1]);
    expect(charts.useCases.total).toBe(1);
    expect(charts.useCases.rows.reduce((n, r) => n + (r.counts.APPROVED ?? 0), 0)).toBe(1);
    // The approval lapses with its SOC 2 report; a suspended one reads as suspended first.
    const lapsed = await tierStatusCharts(org.as.ADMIN, new Date("2027-04-02T09:00:00Z"));
    expect(lapsed.useCases.rows.reduce((n, r) => n + (r.counts.LAPSED ?? 0), 0)).toBe(1);
    await prisma.useCase.update({ where: { id: useCaseId }, data: { suspendedAt: NOW } });
    const suspended = await tierStatusCharts(org.as.ADMIN, new Date("2027-04-02T09:00:00Z"));
    expect(suspended.useCases.rows.reduce((n, r) => n + (r.counts.SUSPENDED ?? 0), 0)).toBe(1);
    expect((await tierStatusCharts(other.as.ADMIN, NOW)).products).toMatchObject({ total: 1 });
    expect((await tierStatusCharts(other.as.ADMIN, NOW)).useCases.total).toBe(0);
  });
});
