import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { saveAnswerInput } from "@/lib/validation/answer";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { saveAnswer, saveAnswers } from "./answers";
import { getAssessment, startAssessment } from "./assessments";
import { findAuditEvents } from "./audit";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { createVendor } from "./vendors";

let org: TestOrganization;
let other: TestOrganization;
let productId: string;

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrganization("Answers"), createTestOrganization("Answers other")]);
  await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  productId = await newProduct();
});

/** A product of its own for each test: "Start assessment" on a product with a draft opens that draft. */
async function newProduct() {
  const v = await createVendor(org.as.ACCOUNT_MANAGER, { name: `Vendor ${Math.random()}`, website: null, description: null });
  const p = await createProduct(
    org.as.ACCOUNT_MANAGER,
    productInput.parse({ vendorId: v.id, name: "P", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "UNKNOWN", encryptionInTransit: "UNKNOWN", encryptionAtRest: "UNKNOWN" }),
  );
  return p.id;
}

const answerOf = async (id: string, key: string) => (await getAssessment(org.as.ACCOUNT_MANAGER, id)).answers[key];
const answerEvents = async (id: string) => (await findAuditEvents(org.as.ADMIN, { entityType: "Assessment", entityId: id, take: 500 })).filter((e) => e.action === "assessment.answer").reverse();

describe("an answer and its comment are saved independently", () => {
  it("keeps the answer when only the comment is saved, and audits only what changed", async () => {
    const me = org.as.ACCOUNT_MANAGER;
    const { id } = await startAssessment(me, productId);
    await saveAnswer(me, id, { questionKey: "trains_on_customer_data", value: "no" });
    await saveAnswer(me, id, { questionKey: "trains_on_customer_data", comment: "Per the enterprise terms, section 4" });
    expect(await answerOf(id, "trains_on_customer_data")).toMatchObject({ value: "no", comment: "Per the enterprise terms, section 4" });

    const events = await answerEvents(id);
    expect(events.map((e) => e.summary)).toEqual([
      { question: "trains_on_customer_data", before: { value: null }, after: { value: "no" } },
      { question: "trains_on_customer_data", before: { comment: null }, after: { comment: "Per the enterprise terms, section 4" } },
    ]);
    // Saving the same thing again changes nothing and writes no event.
    const again = await saveAnswer(me, id, { questionKey: "trains_on_customer_data", value: "no", comment: "Per the enterprise terms, section 4" });
    expect(again.changed).toBe(0);
    expect(await answerEvents(id)).toHaveLength(2);
  });

  it("keeps the comment when only the answer is saved, and clears only what is cleared", async () => {
    const me = org.as.ACCOUNT_MANAGER;
    const { id } = await startAssessment(me, await newProduct());
    await saveAnswer(me, id, { questionKey: "retention_days", comment: "Asked the vendor; waiting" });
    await saveAnswer(me, id, { questionKey: "retention_days", value: 30 });
    expect(await answerOf(id, "retention_days")).toMatchObject({ value: 30, comment: "Asked the vendor; waiting" });

    // An explicit null clears the value; the comment stays. An emptied comment clears the comment; the value stays.
    await saveAnswer(me, id, { questionKey: "retention_days", value: null });
    expect(await answerOf(id, "retention_days")).toMatchObject({ value: null, comment: "Asked the vendor; waiting" });
    await saveAnswer(me, id, { questionKey: "retention_days", value: 45 });
    await saveAnswer(me, id, { questionKey: "retention_days", comment: "" });
    expect(await answerOf(id, "retention_days")).toMatchObject({ value: 45, comment: null });
  });

  it("keeps both when 40 value saves and 40 comment saves of one question arrive at once", async () => {
    const me = org.as.ACCOUNT_MANAGER;
    const { id } = await startAssessment(me, await newProduct());
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => [
        saveAnswer(me, id, { questionKey: "breach_notice_hours", value: 72 }),
        saveAnswer(me, id, { questionKey: "breach_notice_hours", comment: `Clause 9.${i % 2}` }),
      ]).flat(),
    );
    const answer = await answerOf(id, "breach_notice_hours");
    expect(answer?.value).toBe(72);
    expect(["Clause 9.0", "Clause 9.1"]).toContain(answer?.comment);
    // Every event names only its own part: no value event ever carries a comment, nor the reverse,
    // and no event ever records the value being cleared.
    const events = await answerEvents(id);
    for (const e of events) {
      const summary = e.summary as { after: Record<string, unknown> };
      expect(Object.keys(summary.after)).toHaveLength(1);
      if ("value" in summary.after) expect(summary.after.value).toBe(72);
    }
    expect(events.filter((e) => "value" in (e.summary as { after: object }).after)).toHaveLength(1);
  });

  it("saves a batch whole or not at all, and only in the caller's organisation while it is editable", async () => {
    const me = org.as.ACCOUNT_MANAGER;
    const { id } = await startAssessment(me, await newProduct());
    await expect(
      saveAnswers(me, id, [
        { questionKey: "additional_notes", value: "Reviewed with the vendor" },
        { questionKey: "retention_days", value: "thirty" },
      ]),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { retention_days: "Enter a number." } });
    expect(await answerOf(id, "additional_notes")).toBeUndefined();

    await saveAnswers(me, id, [
      { questionKey: "additional_notes", value: "Reviewed with the vendor" },
      { questionKey: "additional_notes", comment: "Call on Monday" },
      { questionKey: "retention_days", value: "30" },
    ]);
    expect(await answerOf(id, "additional_notes")).toMatchObject({ value: "Reviewed with the vendor", comment: "Call on Monday" });
    expect(await answerOf(id, "retention_days")).toMatchObject({ value: 30 });
    await expect(saveAnswers(other.as.ACCOUNT_MANAGER, id, [{ questionKey: "retention_days", value: 1 }])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a save that carries neither part, naming the field", () => {
    const parsed = saveAnswerInput.safeParse({ assessmentId: "a", questionKey: "q" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["value"]);
    expect(saveAnswerInput.safeParse({ assessmentId: "a", questionKey: "q", comment: "only a comment" }).success).toBe(true);
  });
});
