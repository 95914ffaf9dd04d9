import { describe, expect, it } from "vitest";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { DEFAULT_QUESTIONNAIRE } from "./default-questionnaire";

describe("default questionnaire", () => {
  it("is a valid template of at least 30 questions in at least 6 sections, each with help text", () => {
    const parsed = templateSchema.parse(DEFAULT_QUESTIONNAIRE);
    const questions = parsed.sections.flatMap((s) => s.questions);
    expect(parsed.sections.length).toBeGreaterThanOrEqual(6);
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(questions.filter((q) => !q.helpText || q.helpText.length < 40)).toEqual([]);
  });
  it("speaks in the product's own words: no help text cites an internal source document ('seed 002')", () => {
    const questions = templateSchema.parse(DEFAULT_QUESTIONNAIRE).sections.flatMap((s) => s.questions);
    expect(questions.filter((q) => /\bseed\s*\d+/i.test(`${q.prompt} ${q.helpText ?? ""}`)).map((q) => q.key)).toEqual([]);
  });

  it("asks what the seeds say to ask", () => {
    const keys = templateSchema.parse(DEFAULT_QUESTIONNAIRE).sections.flatMap((s) => s.questions.map((q) => q.key));
    for (const k of ["trains_on_customer_data", "processing_regions", "encryption_in_transit", "encryption_at_rest", "soc2_type2", "retention_days", "zero_retention", "deletion_on_request", "breach_notice_hours", "subprocessor_list_published", "audit_rights", "console_mfa", "api_keys_in_vault", "rate_limiting", "data_minimisation", "export_available"]) {
      expect(keys).toContain(k);
    }
  });
});

describe("template schema", () => {
  it("refuses duplicate keys and rules that look forward", () => {
    const bad = {
      name: "T",
      sections: [
        {
          key: "s1",
          title: "S",
          questions: [
            { key: "a_q", prompt: "A", type: "TEXT", visibility: { questionKey: "b_q", equals: "x" } },
            { key: "b_q", prompt: "B", type: "TEXT" },
            { key: "b_q", prompt: "B again", type: "TEXT" },
          ],
        },
      ],
    };
    const messages = templateSchema.safeParse(bad).error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual(expect.arrayContaining(["The key b_q is used twice.", expect.stringContaining("earlier question")]));
  });
  it("needs two options for a choice question", () => {
    const result = templateSchema.safeParse({ name: "T", sections: [{ key: "s1", title: "S", questions: [{ key: "c_q", prompt: "C", type: "SINGLE_CHOICE", options: [{ value: "a", label: "A" }] }] }] });
    expect(result.error?.issues[0]?.message).toBe("A choice question needs at least two options.");
  });
});
