import { z } from "zod";
import { PRODUCT_TIERS, RISK_TIERS } from "@/lib/domain/vocabulary";
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
export type VendorListQuery = z.output<typeof vendorListQuery>;
export type ProductListQuery = z.output<typeof productListQuery>;
export type ClientListQuery = z.output<typeof clientListQuery>;
export type UseCaseListQuery = z.output<typeof useCaseListQuery>;

/** PATCH bodies may also archive or restore the record. */
export const archivedFlag = z.object({ archived: z.boolean({ message: "Use true or false." }).optional() });
