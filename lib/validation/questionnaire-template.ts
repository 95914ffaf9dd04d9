import { z } from "zod";

/**
 * A questionnaire template as data: the JSON import/export format and what the builder edits.
 * Keys are stable across versions (answers are compared by key between assessments).
 */
export const QUESTION_TYPES = ["YES_NO", "SINGLE_CHOICE", "MULTI_CHOICE", "TEXT", "NUMBER", "DATE", "FILE"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Product facts an answer can mirror, so the questionnaire and the product record agree. */
export const PRODUCT_FACTS = ["trainingPolicy", "retentionDays", "processingRegions", "zeroRetentionAvailable", "encryptionInTransit", "encryptionAtRest", "breachNoticeHours"] as const;

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, "Use a key of lowercase letters, digits and underscores (e.g. training_opt_out).");

export const optionSchema = z.object({
  value: z.string().trim().min(1).max(100),
  label: z.string().trim().min(1).max(200),
  points: z.number().min(0).max(100).default(0),
});

export const visibilitySchema = z.object({ questionKey: key, equals: z.union([z.string(), z.boolean(), z.number()]) });

export const questionSchema = z
  .object({
    key,
    prompt: z.string().trim().min(1, "Write the question.").max(500),
    helpText: z.string().trim().max(2000).nullable().default(null),
    type: z.enum(QUESTION_TYPES),
    required: z.boolean().default(false),
    weight: z.number().int().min(0).max(100).default(1),
    options: z.array(optionSchema).max(50).nullable().default(null),
    visibility: visibilitySchema.nullable().default(null),
    productFact: z.enum(PRODUCT_FACTS).nullable().default(null),
  })
  .superRefine((q, ctx) => {
    const needsOptions = q.type === "SINGLE_CHOICE" || q.type === "MULTI_CHOICE" || q.type === "YES_NO";
    if ((q.type === "SINGLE_CHOICE" || q.type === "MULTI_CHOICE") && (!q.options || q.options.length < 2)) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "A choice question needs at least two options." });
    }
    if (!needsOptions && q.options) ctx.addIssue({ code: "custom", path: ["options"], message: `A ${q.type} question has no options.` });
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Option values must be unique." });
    }
  });

export const sectionSchema = z.object({
  key,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().default(null),
  questions: z.array(questionSchema).min(1, "A section needs at least one question.").max(200),
});

export const templateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).nullable().default(null),
    sections: z.array(sectionSchema).min(1).max(50),
  })
  .superRefine((t, ctx) => {
    const keys = new Map<string, number>();
    const order: string[] = [];
    t.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        if (keys.has(q.key)) ctx.addIssue({ code: "custom", path: ["sections", si, "questions", qi, "key"], message: `The key ${q.key} is used twice.` });
        keys.set(q.key, order.length);
        order.push(q.key);
      }),
    );
    // A visibility rule may only look at a question that comes before it.
    t.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        if (!q.visibility) return;
        const target = keys.get(q.visibility.questionKey);
        if (target === undefined || target >= order.indexOf(q.key)) {
          ctx.addIssue({ code: "custom", path: ["sections", si, "questions", qi, "visibility"], message: `Show-when must refer to an earlier question (${q.visibility.questionKey}).` });
        }
      }),
    );
  });
export type TemplateDefinition = z.output<typeof templateSchema>;
export type QuestionDefinition = z.output<typeof questionSchema>;
