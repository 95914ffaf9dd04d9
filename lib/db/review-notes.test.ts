import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { saveAnswer } from "./answers";
import { getAssessment, startAssessment, submitAssessment } from "./assessments";
import { findAuditEvents } from "./audit";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { addAnswerReviewNote, listAnswerReviewNotes } from "./review-notes";
import { createVendor } from "./vendors";

let org: TestOrganization;
let other: TestOrganization;
let productId: string;

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrganization("Notes"), createTestOrganization("Notes other")]);
  await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  const v = await createVendor(org.as.ACCOUNT_MANAGER, { name: "Vendor", website: null, description: null });
  const p = await createProduct(
    org.as.ACCOUNT_MANAGER,
    productInput.parse({ vendorId: v.id, name: "P", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }),
  );
  productId = p.id;
});

async function submitted() {
  const me = org.as.ACCOUNT_MANAGER;
  const { id } = await startAssessment(me, productId);
  const { version } = await getAssessment(me, id);
  for (const q of version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required)) {
    const value = q.type === "YES_NO" ? "no" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? [q.options![0]!.value] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
    await saveAnswer(me, id, { questionKey: q.key, value });
  }
  await submitAssessment(me, id);
  return id;
}

describe("reviewer notes on single answers", () => {
  it("stores a comment and a request for information per answer, audited, in the caller's organisation only", async () => {
    const id = await submitted();
    const co = org.as.COMPLIANCE_OFFICER;
    await addAnswerReviewNote(co, { assessmentId: id, questionKey: "retention_days", kind: "REQUEST_INFO", body: "Where does the 30 days come from?" });
    await addAnswerReviewNote(co, { assessmentId: id, questionKey: "retention_days", kind: "COMMENT", body: "Matches the DPA annex." });
    const notes = await listAnswerReviewNotes(org.as.ACCOUNT_MANAGER, id);
    expect(notes.retention_days?.map((n) => [n.kind, n.body, n.authorLabel])).toEqual([
      ["REQUEST_INFO", "Where does the 30 days come from?", co.actorLabel],
      ["COMMENT", "Matches the DPA annex.", co.actorLabel],
    ]);
    const events = (await findAuditEvents(org.as.ADMIN, { entityType: "Assessment", entityId: id })).filter((e) => e.action === "assessment.review_note");
    expect(events).toHaveLength(2);
    expect(events.map((e) => (e.summary as { question: string }).question)).toEqual(["retention_days", "retention_days"]);

    await expect(addAnswerReviewNote(other.as.COMPLIANCE_OFFICER, { assessmentId: id, questionKey: "retention_days", kind: "COMMENT", body: "Not mine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listAnswerReviewNotes(other.as.COMPLIANCE_OFFICER, id)).toEqual({});
    await expect(addAnswerReviewNote(co, { assessmentId: id, questionKey: "no_such_question", kind: "COMMENT", body: "Hello" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { questionKey: expect.any(String) } });
  });

  it("refuses notes on an assessment that is not under review", async () => {
    const { id } = await startAssessment(org.as.ACCOUNT_MANAGER, productId);
    await expect(addAnswerReviewNote(org.as.COMPLIANCE_OFFICER, { assessmentId: id, questionKey: "retention_days", kind: "COMMENT", body: "Too early" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
