import { z } from "zod";
import { DATA_CLASSES } from "@/lib/domain/vocabulary";
import { enumList } from "./client";
import { optionalDate, requiredDate } from "./dates";
import { recordId, recordIdOf } from "./record-id";

export const useCaseInput = z.object({
  clientId: recordIdOf("client"),
  productId: recordIdOf("product"),
  purpose: z.string().trim().min(3, "Describe the purpose (at least 3 characters).").max(300, "Use at most 300 characters."),
  dataClasses: enumList(DATA_CLASSES, "Choose data classes from the list."),
});
export type UseCaseFormValues = z.input<typeof useCaseInput>;
export type UseCaseInput = z.output<typeof useCaseInput>;

export const USE_CASE_OUTCOMES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const;

/** A documented acceptance of a CRITICAL risk: justification, the risk accepted, the client's consent, an expiry. */
export const exceptionInput = z
  .object({
    justification: z.string().trim().min(10, "Justify the exception (at least 10 characters).").max(4000),
    riskAccepted: z.string().trim().min(10, "Describe the risk being accepted (at least 10 characters).").max(4000),
    clientConsent: z.enum(["YES", "NO"], { message: "Say whether the client consented." }),
    consentBy: z
      .string()
      .trim()
      .max(200)
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    consentAt: optionalDate("the consent date"),
    expiresAt: requiredDate("the exception's expiry date"),
  })
  .superRefine((e, ctx) => {
    if (e.clientConsent === "YES" && !e.consentBy) ctx.addIssue({ code: "custom", path: ["consentBy"], message: "Say who gave the client's consent." });
    if (e.clientConsent === "YES" && !e.consentAt) ctx.addIssue({ code: "custom", path: ["consentAt"], message: "Give the date of the client's consent." });
  });
export type ExceptionInput = z.output<typeof exceptionInput>;

export const useCaseDecisionInput = z
  .object({
    useCaseId: recordId,
    outcome: z.enum(USE_CASE_OUTCOMES, { message: "Choose a decision." }),
    justification: z.string().trim().min(10, "Write a justification (at least 10 characters).").max(4000),
    conditions: z
      .array(z.object({ text: z.string().trim().min(1, "Describe the condition.").max(1000), dueAt: optionalDate("the due date") }))
      .max(20)
      .default([]),
    expiresAt: optionalDate("the approval's expiry date"),
    withException: z.boolean().default(false),
    // Typed for the form; parsed with exceptionInput below, and only when an exception is recorded.
    exception: z.custom<z.input<typeof exceptionInput>>(() => true).optional(),
  })
  .transform((d, ctx) => {
    // The exception is only read when the officer records one; otherwise its fields are ignored.
    if (!d.withException || d.outcome === "REJECTED") return { ...d, exception: null };
    const parsed = exceptionInput.safeParse(d.exception ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["exception", ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    return { ...d, exception: parsed.data };
  })
  .superRefine((d, ctx) => {
    if (d.outcome === "APPROVED_WITH_CONDITIONS" && d.conditions.length === 0) ctx.addIssue({ code: "custom", path: ["conditions"], message: "Add at least one condition with its due date." });
    d.conditions.forEach((c, i) => {
      if (d.outcome === "APPROVED_WITH_CONDITIONS" && !c.dueAt) ctx.addIssue({ code: "custom", path: ["conditions", i, "dueAt"], message: "Give the condition a due date." });
    });
  });
export type UseCaseDecisionFormValues = z.input<typeof useCaseDecisionInput>;
export type UseCaseDecisionInput = z.output<typeof useCaseDecisionInput>;

export const revokeExceptionInput = z.object({ exceptionId: recordId, useCaseId: recordId });
