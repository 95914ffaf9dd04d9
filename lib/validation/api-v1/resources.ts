import { z } from "zod";
import { RENEWAL_KINDS } from "@/lib/domain/renewals/renewal-schedule";
import { ASSESSMENT_STATUSES, CERTIFICATION_TYPES, CLAUSE_STATUSES, DATA_CLASSES, DEPLOYMENT_MODELS, DPA_CLAUSES, FRAMEWORKS, PRODUCT_TIERS, RESIDENCIES, RETENTION_KINDS, RISK_TIERS, TRAINING_POLICIES, TRANSFER_MECHANISMS } from "@/lib/domain/vocabulary";
import { TRI_STATES } from "../product";

/**
 * What /api/v1 answers, as zod schemas: the routes build their bodies to these shapes, and the
 * OpenAPI document (lib/http/api-v1/openapi.ts) is generated from them, so the two cannot drift.
 * Times are ISO 8601 instants; calendar dates are YYYY-MM-DD.
 */
const instant = z.iso.datetime({ offset: true }).describe("ISO 8601 time");
const calendarDate = z.iso.date().describe("Calendar date, YYYY-MM-DD");
const id = z.string().describe("Record id");

export const USE_CASE_STATUSES = ["PROPOSED", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const;

export const vendorResource = z
  .object({
    id,
    name: z.string(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    isSample: z.boolean().describe("A catalogue sample, not verified by your organisation"),
    archived: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Vendor" });

export const flagResource = z.object({ id: z.string(), severity: z.enum(["critical", "high", "medium"]), evidence: z.string() }).meta({ id: "RedFlag" });

export const productResource = z
  .object({
    id,
    vendorId: id,
    vendorName: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    tier: z.enum(PRODUCT_TIERS),
    deploymentModel: z.enum(DEPLOYMENT_MODELS),
    processingRegions: z.array(z.string()),
    retentionKind: z.enum(RETENTION_KINDS),
    retentionDays: z.number().int().nullable(),
    zeroRetentionAvailable: z.boolean(),
    trainingPolicy: z.enum(TRAINING_POLICIES),
    encryptionInTransit: z.enum(TRI_STATES),
    encryptionAtRest: z.enum(TRI_STATES),
    score: z.number().int().nullable().describe("Cached live score, 0–100"),
    riskTier: z.enum(RISK_TIERS).nullable(),
    isSample: z.boolean(),
    archived: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Product" });

export const productScoreResource = z
  .object({
    productId: id,
    score: z.number().int(),
    riskTier: z.enum(RISK_TIERS),
    tierReason: z.string(),
    modelVersion: z.number().int(),
    parts: z.object({
      dpa: z.object({ score: z.number(), weight: z.number() }),
      questionnaire: z.object({ score: z.number(), weight: z.number() }),
      certifications: z.object({ score: z.number(), weight: z.number() }),
    }),
    flags: z.array(flagResource),
    contributions: z.array(z.object({ part: z.enum(["dpa", "questionnaire", "certifications"]), item: z.string(), points: z.number(), of: z.number(), note: z.string() })),
  })
  .meta({ id: "ProductScore" });

export const clientResource = z
  .object({
    id,
    name: z.string(),
    dataClasses: z.array(z.enum(DATA_CLASSES)),
    residency: z.enum(RESIDENCIES),
    frameworks: z.array(z.enum(FRAMEWORKS)),
    contactEmail: z.string().nullable(),
    notes: z.string().nullable(),
    archived: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Client" });

export const useCaseResource = z
  .object({
    id,
    clientId: id,
    clientName: z.string(),
    productId: id,
    productName: z.string(),
    vendorName: z.string(),
    purpose: z.string(),
    dataClasses: z.array(z.enum(DATA_CLASSES)),
    status: z.enum(USE_CASE_STATUSES),
    validUntil: calendarDate.nullable().describe("Last day the approval holds (earliest of its expiry, next review and evidence expiry)"),
    validUntilWhy: z.string().nullable(),
    nextReviewAt: calendarDate.nullable(),
    score: z.number().int().nullable(),
    riskTier: z.enum(RISK_TIERS).nullable(),
    suspended: z.boolean(),
    suspendedWhy: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "UseCase" });

export const dpaResource = z
  .object({
    id,
    productId: id,
    title: z.string(),
    signedAt: calendarDate.nullable(),
    effectiveAt: calendarDate.nullable(),
    expiresAt: calendarDate.nullable(),
    breachNoticeHours: z.number().int().nullable(),
    transferMechanism: z.enum(TRANSFER_MECHANISMS),
    isCurrent: z.boolean().describe("The product's DPA in force (one per product)"),
    hasFile: z.boolean(),
    notes: z.string().nullable(),
    clauses: z.array(z.object({ clause: z.enum(DPA_CLAUSES), label: z.string(), status: z.enum(CLAUSE_STATUSES), evidence: z.string().nullable() })),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Dpa" });

export const certificationResource = z
  .object({
    id,
    productId: id,
    type: z.enum(CERTIFICATION_TYPES),
    name: z.string().nullable(),
    issuer: z.string().nullable(),
    scope: z.string().nullable(),
    issuedAt: calendarDate.nullable(),
    expiresAt: calendarDate.nullable(),
    fileId: z.string().nullable().describe("The evidence file backing it; without one a SOC 2 Type II or ISO 27001 counts as unverified"),
    archived: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Certification" });

export const subProcessorResource = z.object({ name: z.string(), purpose: z.string().nullable(), country: z.string().nullable(), region: z.string().nullable() }).meta({ id: "SubProcessor" });
export const subProcessorListResource = z.object({ productId: id, items: z.array(subProcessorResource) }).meta({ id: "SubProcessorList" });

export const assessmentResource = z
  .object({
    id,
    productId: id,
    productName: z.string(),
    templateVersionId: id,
    status: z.enum(ASSESSMENT_STATUSES),
    submittedAt: instant.nullable(),
    decidedAt: instant.nullable(),
    answerCount: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Assessment" });

export const assessmentDetailResource = assessmentResource
  .extend({
    answers: z.array(
      z.object({
        questionKey: z.string(),
        prompt: z.string(),
        value: z.unknown().describe("As stored: text, number, boolean, date or list of option values"),
        comment: z.string().nullable(),
        answeredByVendorContact: z.string().nullable(),
        updatedAt: instant,
      }),
    ),
  })
  .meta({ id: "AssessmentDetail" });

export const renewalResource = z
  .object({
    kind: z.enum(RENEWAL_KINDS),
    itemId: id,
    dueOn: calendarDate,
    title: z.string(),
    detail: z.string().nullable(),
    clientId: z.string().nullable(),
    clientName: z.string().nullable(),
    productId: z.string().nullable(),
    productName: z.string().nullable(),
    action: z.string().describe("What to do about it"),
  })
  .meta({ id: "Renewal" });

export const reportResource = z
  .object({
    id,
    kind: z.enum(["PRODUCT", "CLIENT_PORTFOLIO"]),
    title: z.string(),
    productId: z.string().nullable(),
    clientId: z.string().nullable(),
    useCaseId: z.string().nullable(),
    contentSha256: z.string().describe("SHA-256 of the report's data, printed in the report"),
    pdfSha256: z.string().describe("SHA-256 of the PDF as issued"),
    createdAt: instant,
  })
  .meta({ id: "Report" });

export const apiErrorBody = z
  .object({
    error: z.object({
      code: z.enum(["invalid_request", "unauthenticated", "forbidden", "not_found", "conflict", "payload_too_large", "rate_limited", "unavailable", "internal"]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).describe("Field path → what is wrong with it"),
    }),
  })
  .meta({ id: "Error" });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page") });
