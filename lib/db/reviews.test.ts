import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { parseListQuery } from "@/lib/validation/list-query";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { getAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { changesSincePreviousAssessment, decideAssessment, listDecisions, listReviewQueue, REVIEW_LIST } from "./reviews";
import { changeMemberRole } from "./users";
import { createVendor } from "./vendors";

async function submitted(org: TestOrganization) {
  const me = org.as.ACCOUNT_MANAGER;
  const v = await createVendor(me, { name: `V ${Math.random()}`, website: null, description: null });
  const p = await createProduct(me, productInput.parse({ vendorId: v.id, name: "P", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
  const { id } = await startAssessment(me, p.id);
  const { version } = await getAssessment(me, id);
  for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
    const value = q.type === "YES_NO" ? "no" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? ["EU"] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
    await saveAnswer(me, id, { questionKey: q.key, value });
  }
  await submitAssessment(me, id);
  return id;
}

describe("compliance review", () => {
  it("queues submitted assessments, records a decision with conditions, and keeps separation of duties whatever the role", async () => {
    const org = await createTestOrganization("Review");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const id = await submitted(org);
    const queue = await listReviewQueue(org.as.COMPLIANCE_OFFICER, parseListQuery({}, REVIEW_LIST));
    expect(queue.rows.map((r) => r.id)).toContain(id);

    // The submitter, even promoted to compliance officer, cannot decide their own submission.
    await changeMemberRole(org.as.ADMIN, org.as.ACCOUNT_MANAGER.userId, "COMPLIANCE_OFFICER");
    await expect(
      decideAssessment({ ...org.as.ACCOUNT_MANAGER, role: "COMPLIANCE_OFFICER" }, { assessmentId: id, outcome: "APPROVED", justification: "Looks fine to me", conditions: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: id, outcome: "APPROVED_WITH_CONDITIONS", justification: "Approved once the DPA is signed", conditions: [{ text: "Sign the DPA", dueAt: new Date("2027-01-31") }] });
    const { assessment } = await getAssessment(org.as.COMPLIANCE_OFFICER, id);
    expect(assessment.status).toBe("APPROVED_WITH_CONDITIONS");
    const [decision] = await listDecisions(org.as.COMPLIANCE_OFFICER, id);
    expect(decision).toMatchObject({ outcome: "APPROVED_WITH_CONDITIONS", decidedById: org.as.COMPLIANCE_OFFICER.userId, conditions: [expect.objectContaining({ text: "Sign the DPA" })] });
    expect(decision!.snapshotId).not.toBeNull();
    await expect(decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: id, outcome: "REJECTED", justification: "Changed my mind", conditions: [] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await listReviewQueue(org.as.COMPLIANCE_OFFICER, parseListQuery({}, REVIEW_LIST))).rows.map((r) => r.id)).not.toContain(id);
  });

  it("sends an assessment back with changes requested, and never decides across organisations", async () => {
    const org = await createTestOrganization("Review 2");
    const other = await createTestOrganization("Review other");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const id = await submitted(org);
    await expect(decideAssessment(other.as.COMPLIANCE_OFFICER, { assessmentId: id, outcome: "APPROVED", justification: "Not mine to approve", conditions: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: id, outcome: "CHANGES_REQUESTED", justification: "Attach the DPA please", conditions: [] });
    await saveAnswer(org.as.ACCOUNT_MANAGER, id, { questionKey: "additional_notes", value: "DPA attached" });
    await submitAssessment(org.as.ACCOUNT_MANAGER, id);
    expect((await getAssessment(org.as.ACCOUNT_MANAGER, id)).assessment.status).toBe("SUBMITTED");
  });

  it("lists what changed since the previous submitted assessment of the same product", async () => {
    const org = await createTestOrganization("Review changes");
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const first = await submitted(org);
    expect(await changesSincePreviousAssessment(org.as.COMPLIANCE_OFFICER, first)).toBeNull();
    await decideAssessment(org.as.COMPLIANCE_OFFICER, { assessmentId: first, outcome: "APPROVED", justification: "Fine for now", conditions: [] });
    const { assessment } = await getAssessment(org.as.ACCOUNT_MANAGER, first);
    const { id: second } = await startAssessment(org.as.ACCOUNT_MANAGER, assessment.productId);
    const { version, answers } = await getAssessment(org.as.ACCOUNT_MANAGER, first);
    for (const [key, a] of Object.entries(answers)) if (a.value !== null) await saveAnswer(org.as.ACCOUNT_MANAGER, second, { questionKey: key, value: a.value });
    await saveAnswer(org.as.ACCOUNT_MANAGER, second, { questionKey: "additional_notes", value: "Vendor now offers EU processing" });
    await submitAssessment(org.as.ACCOUNT_MANAGER, second);
    const result = await changesSincePreviousAssessment(org.as.COMPLIANCE_OFFICER, second);
    expect(result?.previous.id).toBe(first);
    const prompt = version.definition.sections.flatMap((s) => s.questions).find((q) => q.key === "additional_notes")!.prompt;
    expect(result?.changes.answers).toEqual([{ key: "additional_notes", prompt, before: "", after: "Vendor now offers EU processing" }]);
    expect(result?.changes.score).not.toBeNull();
  });
});
