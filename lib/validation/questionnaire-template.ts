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

/** A NUMBER question's scoring band: a value from min to max (inclusive, either open) earns points. */
export const bandSchema = z
  .object({
    min: z.number().finite().nullable().default(null),
    max: z.number().finite().nullable().default(null),
    points: z.number().min(0).max(100),
  })
  .refine((b) => b.min === null || b.max === null || b.min <= b.max, { message: "A band's lower bound must not exceed its upper bound.", path: ["max"] });

/** Types whose answers cannot earn points: a weight on them would do nothing, so it defaults to 0 and must stay 0. */
const UNSCORED_TYPES = new Set(["TEXT", "DATE", "FILE"]);

export const visibilitySchema = z.object({ questionKey: key, equals: z.union([z.string(), z.boolean(), z.number()]) });

export const questionSchema = z
  .object({
    key,
    prompt: z.string().trim().min(1, "Write the question.").max(500),
    helpText: z.string().trim().max(2000).nullable().default(null),
    type: z.enum(QUESTION_TYPES),
    required: z.boolean().default(false),
    // Left out: 1, or 0 for a type that cannot score (see the transform below).
    weight: z.number().int().min(0).max(100).optional(),
    options: z.array(optionSchema).max(50).nullable().default(null),
    visibility: visibilitySchema.nullable().default(null),
    productFact: z.enum(PRODUCT_FACTS).nullable().default(null),
    bands: z.array(bandSchema).max(20).nullable().default(null),
  })
  .transform((q) => ({ ...q, weight: q.weight ?? (UNSCORED_TYPES.has(q.type) ? 0 : 1) }))
  .superRefine((q, ctx) => {
    const needsOptions = q.type === "SINGLE_CHOICE" || q.type === "MULTI_CHOICE" || q.type === "YES_NO";
    if ((q.type === "SINGLE_CHOICE" || q.type === "MULTI_CHOICE") && (!q.options || q.options.length < 2)) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "A choice question needs at least two options." });
    }
    if (!needsOptions && q.options) ctx.addIssue({ code: "custom", path: ["options"], message: `A ${q.type} question has no options.` });
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Option values must be unique." });
    }
    // No weight that silently does nothing: a weighted number question scores by its bands.
    if (q.type === "NUMBER" && q.weight > 0 && !q.bands?.length) {
      ctx.addIssue({ code: "custom", path: ["bands"], message: "A weighted number question needs scoring bands (or weight 0)." });
    }
    if (q.type !== "NUMBER" && q.bands?.length) ctx.addIssue({ code: "custom", path: ["bands"], message: "Only number questions have scoring bands." });
    if (UNSCORED_TYPES.has(q.type) && q.weight > 0) ctx.addIssue({ code: "custom", path: ["weight"], message: `A ${q.type} answer earns no points: set its weight to 0.` });
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
export type BandDefinition = z.output<typeof bandSchema>;
