import { describe, expect, it } from "vitest";
import { parseAnswerValue } from "@/lib/domain/questionnaire/answer-value";
import { missingRequired, type AnswerValue } from "@/lib/domain/questionnaire/rules";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { AI_PRODUCT_CATALOGUE } from "./ai-products";
import { DEFAULT_QUESTIONNAIRE } from "./default-questionnaire";
import { DEMO_ASSESSMENT_ANSWERS, DEMO_ASSESSMENT_PRODUCT } from "./demo-assessment";

describe("demo assessment", () => {
  const template = templateSchema.parse(DEFAULT_QUESTIONNAIRE);
  const questions = new Map(template.sections.flatMap((s) => s.questions).map((q) => [q.key, q]));

  it("answers questions of the default questionnaire with values it accepts, once each", () => {
    const keys = DEMO_ASSESSMENT_ANSWERS.map((a) => a.questionKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const answer of DEMO_ASSESSMENT_ANSWERS) {
      const question = questions.get(answer.questionKey);
      expect(question, answer.questionKey).toBeDefined();
      expect(parseAnswerValue({ type: question!.type, options: question!.options ?? null }, answer.value), answer.questionKey).toMatchObject({ ok: true });
    }
  });

  it("leaves no required question unanswered, so the seed can submit it", () => {
    const answers = Object.fromEntries(DEMO_ASSESSMENT_ANSWERS.map((a) => [a.questionKey, a.value as AnswerValue]));
    expect(missingRequired(template.sections, answers)).toEqual([]);
  });

  it("is about a product in the catalogue, and agrees with the catalogue's facts", () => {
    const entry = AI_PRODUCT_CATALOGUE.find((e) => `${e.vendor.name} — ${e.product.name}` === DEMO_ASSESSMENT_PRODUCT);
    expect(entry).toBeDefined();
    const answer = (key: string) => DEMO_ASSESSMENT_ANSWERS.find((a) => a.questionKey === key)?.value;
    expect(answer("trains_on_customer_data")).toBe(entry!.product.trainingPolicy === "NEVER" ? "no" : "yes");
    expect(answer("processing_regions")).toEqual(entry!.product.processingRegions);
    expect(answer("zero_retention")).toBe(entry!.product.zeroRetentionAvailable ? "yes" : "no");
    expect(answer("encryption_in_transit")).toBe(entry!.product.encryptionInTransit ? "yes" : "no");
    expect(answer("encryption_at_rest")).toBe(entry!.product.encryptionAtRest ? "yes" : "no");
    expect(answer("transfer_mechanism")).toBe(entry!.dpa?.transferMechanism);
  });
});
