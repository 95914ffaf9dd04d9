import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { applyAnswerToProduct, getAssessment, getProductFacts, saveAnswer, startAssessment, submitAssessment } from "./assessments";
import { createProduct } from "./products";
import { createDraftVersion, createTemplate, getVersionDefinition, latestPublishedVersions, publishVersion } from "./questionnaires";
import { createVendor } from "./vendors";

let org: TestOrganization;
let other: TestOrganization;
let productId: string;
const definition = templateSchema.parse(DEFAULT_QUESTIONNAIRE);

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrganization("Q"), createTestOrganization("Q other")]);
  const v = await createVendor(org.as.ACCOUNT_MANAGER, { name: "Vendor", website: null, description: null });
  const p = await createProduct(
    org.as.ACCOUNT_MANAGER,
    productInput.parse({ vendorId: v.id, name: "P", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "UNKNOWN", encryptionInTransit: "UNKNOWN", encryptionAtRest: "UNKNOWN" }),
  );
  productId = p.id;
});

describe("template versions", () => {
  it("round-trips a definition, freezes on publish, and leaves old assessments on their version", async () => {
    const { templateId, versionId } = await createTemplate(org.as.ADMIN, definition);
    expect((await getVersionDefinition(org.as.ADMIN, versionId)).definition).toEqual(definition);
    await expect(startAssessment(org.as.ACCOUNT_MANAGER, productId)).rejects.toMatchObject({ code: "VALIDATION" });

    await publishVersion(org.as.ADMIN, versionId);
    await expect(publishVersion(org.as.ADMIN, versionId)).rejects.toMatchObject({ code: "CONFLICT" });
    const first = await startAssessment(org.as.ACCOUNT_MANAGER, productId);

    const changed = { ...definition, sections: definition.sections.map((s, i) => (i === 0 ? { ...s, title: "Training (v2)" } : s)) };
    const draft = await createDraftVersion(org.as.ADMIN, templateId, changed);
    await expect(createDraftVersion(org.as.ADMIN, templateId, changed)).rejects.toMatchObject({ code: "CONFLICT" });
    await publishVersion(org.as.ADMIN, draft.versionId);
    // The product already has a draft: "Start" opens it (on its version) instead of making another.
    expect(await startAssessment(org.as.ACCOUNT_MANAGER, productId)).toEqual({ id: first.id, created: false });
    const v = await createVendor(org.as.ACCOUNT_MANAGER, { name: "Vendor 2", website: null, description: null });
    const p2 = await createProduct(org.as.ACCOUNT_MANAGER, productInput.parse({ vendorId: v.id, name: "P2", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "UNKNOWN", encryptionInTransit: "UNKNOWN", encryptionAtRest: "UNKNOWN" }));
    const second = await startAssessment(org.as.ACCOUNT_MANAGER, p2.id);

    const a1 = await getAssessment(org.as.ACCOUNT_MANAGER, first.id);
    const a2 = await getAssessment(org.as.ACCOUNT_MANAGER, second.id);
    expect(a1.version.version).toBe(1);
    expect(a1.version.definition.sections[0]!.title).toBe("Training and use of data");
    expect(a2.version.version).toBe(2);
    expect(a2.version.definition.sections[0]!.title).toBe("Training (v2)");
    expect((await latestPublishedVersions(org.as.ADMIN)).map((v) => v.version)).toEqual([2]);
    await expect(getVersionDefinition(other.as.ADMIN, versionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("assessments", () => {
  it("saves answers as you go, checks them, and submits only when required answers are there", async () => {
    const { id } = await startAssessment(org.as.ACCOUNT_MANAGER, productId);
    await saveAnswer(org.as.ACCOUNT_MANAGER, id, { questionKey: "trains_on_customer_data", value: "yes", comment: "Consumer tier trains by default" });
    await expect(saveAnswer(org.as.ACCOUNT_MANAGER, id, { questionKey: "retention_days", value: "thirty" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { retention_days: "Enter a number." },
    });
    await expect(saveAnswer(other.as.ACCOUNT_MANAGER, id, { questionKey: "retention_days", value: 30 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const before = await getAssessment(org.as.ACCOUNT_MANAGER, id);
    expect(before.answers.trains_on_customer_data).toMatchObject({ value: "yes", comment: "Consumer tier trains by default" });

    // The opt-out question shows because training is "yes", and it is required: submit lands on the first missing.
    await expect(submitAssessment(org.as.ACCOUNT_MANAGER, id)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { training_opt_out: expect.any(String) } });

    const required = before.version.definition.sections.flatMap((s) => s.questions).filter((q) => q.required);
    for (const q of required) {
      const value = q.type === "YES_NO" ? "no" : q.type === "NUMBER" ? 30 : q.type === "MULTI_CHOICE" ? [q.options![0]!.value] : q.type === "SINGLE_CHOICE" ? q.options![0]!.value : "x";
      if (q.key !== "trains_on_customer_data") await saveAnswer(org.as.ACCOUNT_MANAGER, id, { questionKey: q.key, value });
    }
    // training is "yes" so the opt-out question still shows; answer it and submit.
    await saveAnswer(org.as.ACCOUNT_MANAGER, id, { questionKey: "training_opt_out", value: "yes" });
    await submitAssessment(org.as.ACCOUNT_MANAGER, id);
    expect((await getAssessment(org.as.ACCOUNT_MANAGER, id)).assessment.status).toBe("SUBMITTED");
    await expect(saveAnswer(org.as.ACCOUNT_MANAGER, id, { questionKey: "additional_notes", value: "late" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("product facts from answers", () => {
  it("records a resolved answer on the product, with an audit event", async () => {
    const { id } = await startAssessment(org.as.ACCOUNT_MANAGER, productId);
    await saveAnswer(org.as.ACCOUNT_MANAGER, id, { questionKey: "retention_days", value: 45 });
    await applyAnswerToProduct(org.as.ACCOUNT_MANAGER, id, "retention_days");
    expect(await getProductFacts(org.as.ACCOUNT_MANAGER, productId)).toMatchObject({ retentionKind: "DAYS", retentionDays: 45 });
    await expect(applyAnswerToProduct(org.as.ACCOUNT_MANAGER, id, "breach_notice_hours")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(applyAnswerToProduct(other.as.ACCOUNT_MANAGER, id, "retention_days")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
