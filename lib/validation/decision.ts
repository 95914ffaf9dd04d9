import { z } from "zod";
import { optionalDate } from "./dates";
import { recordId } from "./record-id";

export const DECISION_OUTCOMES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "CHANGES_REQUESTED"] as const;

export const decisionInput = z
  .object({
    assessmentId: recordId,
    outcome: z.enum(DECISION_OUTCOMES, { message: "Choose a decision." }),
    justification: z.string().trim().min(10, "Write a justification (at least 10 characters).").max(4000),
    conditions: z
      .array(z.object({ text: z.string().trim().min(1, "Describe the condition.").max(1000), dueAt: optionalDate("the due date") }))
      .max(20)
      .default([]),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === "APPROVED_WITH_CONDITIONS" && d.conditions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "Add at least one condition with its due date." });
    }
    d.conditions.forEach((c, i) => {
      if (d.outcome === "APPROVED_WITH_CONDITIONS" && !c.dueAt) ctx.addIssue({ code: "custom", path: ["conditions", i, "dueAt"], message: "Give the condition a due date." });
    });
  });
export type DecisionFormValues = z.input<typeof decisionInput>;

/** Recording that a condition of an approval has been met: how it was met is the evidence. */
export const conditionMetInput = z.object({
  conditionId: recordId,
  note: z.string().trim().min(10, "Say how the condition was met (at least 10 characters).").max(2000, "Keep it under 2,000 characters."),
});
export type ConditionMetInput = z.infer<typeof conditionMetInput>;
