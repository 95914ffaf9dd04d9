import { z } from "zod";
import { ASSESSMENT_STATUSES, CERTIFICATION_TYPES, PRODUCT_TIERS, RISK_TIERS } from "@/lib/domain/vocabulary";
import { recordIdOf } from "../record-id";
import { USE_CASE_STATUSES } from "./resources";

/**
 * Query strings of the list endpoints. Cursors are opaque to callers: the id of the last row
 * returned (lists are ordered by id, which never changes, so a page never repeats or skips a row
 * while others write). Filters mirror the screens'.
 */
const cursor = z
  .string()
  .max(64, "That is not a valid cursor.")
  .regex(/^[A-Za-z0-9_-]+$/, "That is not a valid cursor.")
  .optional()
  .describe("From the previous page's nextCursor");
const limit = z.coerce
  .number({ message: "Enter a number from 1 to 100." })
  .int("Enter a whole number.")
  .min(1, "Enter a number from 1 to 100.")
  .max(100, "Enter a number from 1 to 100.")
  .default(25)
  .describe("Rows per page (1–100, default 25)");
const search = z.string().trim().max(100, "Use at most 100 characters.").optional().describe("Name contains (case-insensitive)");
const archived = z.enum(["false", "true", "all"], { message: "Use false, true or all." }).default("false").describe("Archived records: false (default), true, or all");

export const vendorListQuery = z.object({ cursor, limit, q: search, archived });
export const productListQuery = z.object({
  cursor,
  limit,
  q: search,
  archived,
  vendorId: recordIdOf("vendor").optional(),
  tier: z.enum(PRODUCT_TIERS, { message: "Use CONSUMER, BUSINESS or ENTERPRISE." }).optional(),
  riskTier: z.enum(RISK_TIERS, { message: "Use LOW, MEDIUM, HIGH or CRITICAL." }).optional(),
});
export const clientListQuery = z.object({ cursor, limit, q: search, archived });
export const useCaseListQuery = z.object({
  cursor,
  limit,
  clientId: recordIdOf("client").optional(),
  productId: recordIdOf("product").optional(),
  status: z.enum(USE_CASE_STATUSES, { message: "Use PROPOSED, APPROVED, APPROVED_WITH_CONDITIONS or REJECTED." }).optional(),
  riskTier: z.enum(RISK_TIERS, { message: "Use LOW, MEDIUM, HIGH or CRITICAL." }).optional(),
  validBefore: z.iso.date({ message: "Use a date like 2027-01-31." }).optional().describe("Only use cases whose approval lapses on or before this date"),
});
const productId = recordIdOf("product").optional().describe("Only this product's");
const before = (what: string) => z.iso.date({ message: "Use a date like 2027-01-31." }).optional().describe(what);

export const dpaListQuery = z.object({ cursor, limit, productId, current: z.enum(["true", "false", "all"], { message: "Use true, false or all." }).default("all").describe("Only the DPAs in force (true), only superseded ones (false), or all") });
export const certificationListQuery = z.object({
  cursor,
  limit,
  productId,
  archived,
  type: z.enum(CERTIFICATION_TYPES, { message: "Choose a certification type from the list." }).optional(),
  expiresBefore: before("Only certifications expiring on or before this date"),
});
export const assessmentListQuery = z.object({ cursor, limit, productId, status: z.enum(ASSESSMENT_STATUSES, { message: "Use DRAFT, SUBMITTED, APPROVED, APPROVED_WITH_CONDITIONS, REJECTED or CHANGES_REQUESTED." }).optional() });
export const reportListQuery = z.object({ cursor, limit, productId, clientId: recordIdOf("client").optional() });
export const renewalQuery = z.object({
  days: z.coerce.number({ message: "Enter a number of days from 0 to 365." }).int("Enter whole days.").min(0, "Enter a number of days from 0 to 365.").max(365, "Enter a number of days from 0 to 365.").default(90).describe("Renewals due within this many days (overdue ones always included; default 90)"),
});
export type DpaListQuery = z.output<typeof dpaListQuery>;
export type CertificationListQuery = z.output<typeof certificationListQuery>;
export type AssessmentListQuery = z.output<typeof assessmentListQuery>;
export type ReportListQuery = z.output<typeof reportListQuery>;

export type VendorListQuery = z.output<typeof vendorListQuery>;
export type ProductListQuery = z.output<typeof productListQuery>;
export type ClientListQuery = z.output<typeof clientListQuery>;
export type UseCaseListQuery = z.output<typeof useCaseListQuery>;

/** PATCH bodies may also archive or restore the record. */
export const archivedFlag = z.object({ archived: z.boolean({ message: "Use true or false." }).optional() });
