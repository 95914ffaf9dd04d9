import { z } from "zod";
import { CERTIFICATION_TYPES, CLAUSE_STATUSES, DPA_CLAUSES, TRANSFER_MECHANISMS } from "@/lib/domain/vocabulary";
import { optionalDate, requiredDate } from "./dates";
import { nameText } from "./plain-text";
import { optionalRecordId, recordId } from "./record-id";

const id = recordId;
const optionalId = optionalRecordId;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en")} characters.`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const clauseCheckInput = z
  .object({
    clause: z.enum(DPA_CLAUSES),
    status: z.enum(CLAUSE_STATUSES, { message: "Choose a status." }),
    evidence: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if ((value.status === "PRESENT" || value.status === "PARTIAL") && !value.evidence) {
      ctx.addIssue({ code: "custom", path: ["evidence"], message: "Cite the section or quote the clause." });
    }
  });

export const dpaInput = z
  .object({
    productId: id,
    title: nameText("Name this DPA (e.g. \"OpenAI DPA, March 2026\").", 200),
    signedAt: optionalDate("the signing date"),
    effectiveAt: optionalDate("the effective date"),
    expiresAt: optionalDate("the expiry date"),
    breachNoticeHours: z
      .union([z.string(), z.number(), z.null()])
      .optional()
      .transform((v) => (v === "" || v === undefined || v === null ? null : Number(v)))
      .pipe(z.number().int("Enter whole hours.").min(0, "Hours cannot be negative.").max(8760, "Use at most 8,760 hours (a year).").nullable()),
    transferMechanism: z.enum(TRANSFER_MECHANISMS, { message: "Choose the transfer mechanism." }),
    isCurrent: z.boolean(),
    fileId: optionalId,
    notes: optionalText(4000),
    clauses: z.array(clauseCheckInput).max(DPA_CLAUSES.length),
  })
  .superRefine((value, ctx) => {
    if (value.effectiveAt && value.expiresAt && value.expiresAt <= value.effectiveAt) {
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "The expiry date must be after the effective date." });
    }
    const seen = new Set<string>();
    value.clauses.forEach((c, i) => {
      if (seen.has(c.clause)) ctx.addIssue({ code: "custom", path: ["clauses", i, "clause"], message: "Each clause once." });
      seen.add(c.clause);
    });
  });
export type DpaFormValues = z.input<typeof dpaInput>;
export type DpaInput = z.output<typeof dpaInput>;

export const certificationInput = z
  .object({
    productId: id,
    // No default: a blank form must not save a SOC 2 nobody chose.
    type: z.enum(CERTIFICATION_TYPES, { message: "Choose the certification." }),
    name: optionalText(200),
    issuer: z.string({ message: "Enter who issued it (the auditor or certification body)." }).trim().min(1, "Enter who issued it (the auditor or certification body).").max(200, "Use at most 200 characters."),
    scope: optionalText(1000),
    issuedAt: requiredDate("the issue date"),
    expiresAt: requiredDate("the expiry date"),
    fileId: optionalId,
  })
  .superRefine((value, ctx) => {
    if (value.type === "OTHER" && !value.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Name the certification." });
    if (value.issuedAt && value.expiresAt && value.expiresAt <= value.issuedAt) {
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "The expiry date must be after the issue date." });
    }
  });
export type CertificationFormValues = z.input<typeof certificationInput>;
export type CertificationInput = z.output<typeof certificationInput>;

export const subProcessorItem = z.object({
  name: nameText("Enter the sub-processor's name.", 200),
  purpose: optionalText(500),
  country: optionalText(100),
  region: optionalText(100),
});

export const subProcessorListInput = z
  .object({ productId: id, items: z.array(subProcessorItem).max(500, "List at most 500 sub-processors.") })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.items.forEach((item, i) => {
      const key = item.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["items", i, "name"], message: "This sub-processor is listed twice." });
      seen.add(key);
    });
  });
export type SubProcessorListFormValues = z.input<typeof subProcessorListInput>;
export type SubProcessorListInput = z.output<typeof subProcessorListInput>;

export const updateDpaInput = z.object({ id, dpa: dpaInput });
export const updateCertificationInput = z.object({ id, certification: certificationInput });
export const archiveCertificationInput = z.object({ id, productId: id, archived: z.boolean() });
