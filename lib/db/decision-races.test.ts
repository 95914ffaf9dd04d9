import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { useCaseDecisionInput } from "@/lib/validation/use-case";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { prisma } from "./prisma-client";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { decideAssessment, listDecisions } from "./reviews";
import { createUseCase, decideUseCase } from "./use-cases";
import { createVendor } from "./vendors";

async function product(org: TestOrganization) {
  const me = org.as.ACCOUNT_MANAGER;
  const v = await createVendor(me, { name: `V ${Math.random()}`, website: null, description: null });
  return createProduct(me, productInput.parse({ vendorId: v.id, name: "P", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: true, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
}

async function fill(org: TestOrganization, id: string) {
  const me = org.as.ACCOUNT_MANAGER;
  const { version } = await getAssessment(me, id);
  for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
    const value = q.type === "YES_NO" ? "yes" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
    await saveAnswer(me, id, { questionKey: q.key, value });
  }
}

async function submitted(org: TestOrganization, productId: string) {
  const { id } = await startAssessment(org.as.ACCOUNT_MANAGER, productId);
  await fill(org, id);
  await submitAssessment(org.as.ACCOUNT_MANAGER, id);
  return id;
}

/** Fires every call at once; returns how many landed and the error codes of the rest. */
async function burst(calls: Array<() => Promise<unknown>>) {
  const results = await Promise.allSettled(calls.map((call) => call()));
  const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code ?? String(r.reason)] : []));
  return { landed: results.filter((r) => r.status === "fulfilled").length, codes };
}

const justification = "Reviewed the evidence in full";

describe("state transitions under concurrency", () => {
  it("of two decisions on one assessment, and of a burst of 40, exactly one lands; the others get CONFLICT", async () => {
    const org = await createTestOrganization("Races");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const p = await product(org);
    const first = await submitted(org, p.id);
    const two = await burst([
      () => decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: first, outcome: "APPROVED", justification, conditions: [] }),
      () => decideAssessment({ ...org.as.ADMIN, role: "COMPLIANCE_OFFICER" }, { assessmentId: first, outcome: "REJECTED", justification, conditions: [] }),
    ]);
    expect(two).toEqual({ landed: 1, codes: ["CONFLICT"] });
    expect(await listDecisions(org.as.COMPLIANCE_OFFICER, first)).toHaveLength(1);

    const p2 = await product(org);
    const second = await submitted(org, p2.id);
    const many = await burst(Array.from({ length: 40 }, (_, i) => () => decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: second, outcome: i % 2 ? "APPROVED" : "REJECTED", justification, conditions: [] })));
    expect(many.landed).toBe(1);
    expect(many.codes).toEqual(Array(39).fill("CONFLICT"));
    const decisions = await listDecisions(org.as.COMPLIANCE_OFFICER, second);
    expect(decisions).toHaveLength(1);
    expect((await getAssessment(org.as.COMPLIANCE_OFFICER, second)).assessment.status).toBe(decisions[0]!.outcome);
  });

  it("sends an assessment back to DRAFT with the reviewer's comments kept; Start opens that draft, once under a burst", async () => {
    const org = await createTestOrganization("Drafts");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const p = await product(org);
    const id = await submitted(org, p.id);
    await decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: id, outcome: "CHANGES_REQUESTED", justification: "Attach the signed DPA, please", conditions: [] });
    expect((await getAssessment(org.as.ACCOUNT_MANAGER, id)).assessment.status).toBe("DRAFT");
    // The filler sees why it came back.
    expect((await listDecisions(org.as.ACCOUNT_MANAGER, id))[0]).toMatchObject({ outcome: "CHANGES_REQUESTED", justification: "Attach the signed DPA, please" });
    // "Start assessment" opens the draft instead of making a second one.
    expect(await startAssessment(org.as.ACCOUNT_MANAGER, p.id)).toEqual({ id, created: false });
    // Resubmitting works, and only one of many submits at once lands.
    const submits = await burst(Array.from({ length: 40 }, () => () => submitAssessment(org.as.ACCOUNT_MANAGER, id)));
    expect(submits.codes.filter((c) => c !== "CONFLICT")).toEqual([]);
    expect(submits.landed).toBe(1);
    expect(new Set(submits.codes)).toEqual(new Set(["CONFLICT"]));

    // Forty clicks on Start at once for a product with no draft make exactly one draft.
    const fresh = await product(org);
    const starts = await Promise.all(Array.from({ length: 40 }, () => startAssessment(org.as.ACCOUNT_MANAGER, fresh.id)));
    expect(new Set(starts.map((s) => s.id)).size).toBe(1);
    expect(starts.filter((s) => s.created)).toHaveLength(1);
    expect(await prisma.assessment.count({ where: { productId: fresh.id, organizationId: org.organizationId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: "assessment.start", entityId: starts[0]!.id } })).toBe(1);
  });

  it("of 40 decisions on one use case at once, exactly one lands", async () => {
    const org = await createTestOrganization("Use-case races");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const p = await product(org);
    await submitted(org, p.id);
    const useCase = await createUseCase(org.as.ACCOUNT_MANAGER, { clientId: org.clientId, productId: p.id, purpose: "Drafting replies", dataClasses: [] });
    const input = (i: number) => useCaseDecisionInput.parse({ useCaseId: useCase.id, outcome: i % 2 ? "APPROVED" : "REJECTED", justification, conditions: [] });
    const many = await burst(Array.from({ length: 40 }, (_, i) => () => decideUseCase(org.as.COMPLIANCE_OFFICER, input(i))));
    expect(many.landed).toBe(1);
    expect(many.codes).toEqual(Array(39).fill("CONFLICT"));
    expect(await prisma.decision.count({ where: { useCaseId: useCase.id, organizationId: org.organizationId } })).toBe(1);
  });
});
