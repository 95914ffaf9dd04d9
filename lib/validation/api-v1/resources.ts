import { z } from "zod";
import { DATA_CLASSES, DEPLOYMENT_MODELS, FRAMEWORKS, PRODUCT_TIERS, RESIDENCIES, RETENTION_KINDS, RISK_TIERS, TRAINING_POLICIES } from "@/lib/domain/vocabulary";
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
