import { z } from "zod";
import { recordId } from "./record-id";
import { productInput, type ProductInput } from "./product";
import { vendorInput, type VendorInput } from "./vendor";

/**
 * The register's CSV layout, shared by export and import, so an exported file imports back.
 * One row per product; a row with no product name registers the vendor alone.
 */
export const REGISTER_COLUMNS = [
  "vendor",
  "vendor_website",
  "vendor_description",
  "product",
  "product_description",
  "tier",
  "deployment_model",
  "processing_regions",
  "retention_kind",
  "retention_days",
  "zero_retention_available",
  "training_policy",
  "encryption_in_transit",
  "encryption_at_rest",
] as const;
type Column = (typeof REGISTER_COLUMNS)[number];

export interface RowError {
  row: number; // 1-based line number in the file, header = 1
  column: string;
  message: string;
}

export interface ParsedRegisterRow {
  row: number;
  vendor: VendorInput;
  product: Omit<ProductInput, "vendorId"> | null;
}

const BOOLEAN: Record<string, boolean> = { yes: true, true: true, "1": true, no: false, false: false, "0": false };
const TRI: Record<string, "YES" | "NO" | "UNKNOWN"> = { yes: "YES", true: "YES", no: "NO", false: "NO", unknown: "UNKNOWN", "": "UNKNOWN" };

/** Validates every data row; returns the parsed rows, or every error with its row and column. */
export function parseRegisterRows(table: string[][]): { rows: ParsedRegisterRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const [header, ...data] = table;
  if (!header) return { rows: [], errors: [{ row: 1, column: "-", message: "The file is empty." }] };
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = ["vendor", "product"].filter((c) => !index.has(c));
  if (missing.length) return { rows: [], errors: [{ row: 1, column: missing.join(", "), message: `The header needs the column(s): ${missing.join(", ")}.` }] };
  const rows: ParsedRegisterRow[] = [];
  data.forEach((cells, i) => {
    const line = i + 2;
    const get = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? "").trim() : "");
    const vendor = vendorInput.safeParse({ name: get("vendor"), website: get("vendor_website"), description: get("vendor_description") });
    if (!vendor.success) {
      for (const issue of vendor.error.issues) errors.push({ row: line, column: issue.path[0] === "name" ? "vendor" : `vendor_${String(issue.path[0])}`, message: issue.message });
      return;
    }
    if (!get("product")) {
      rows.push({ row: line, vendor: vendor.data, product: null });
      return;
    }
    const zero = get("zero_retention_available").toLowerCase();
    const product = productInput.safeParse({
      vendorId: "pending",
      name: get("product"),
      description: get("product_description"),
      tier: get("tier").toUpperCase(),
      deploymentModel: get("deployment_model").toUpperCase(),
      processingRegions: get("processing_regions").replace(/;/g, ","),
      retentionKind: (get("retention_kind") || "UNKNOWN").toUpperCase(),
      retentionDays: get("retention_days"),
      zeroRetentionAvailable: zero === "" ? false : BOOLEAN[zero],
      trainingPolicy: (get("training_policy") || "UNKNOWN").toUpperCase(),
      encryptionInTransit: TRI[get("encryption_in_transit").toLowerCase()] ?? get("encryption_in_transit"),
      encryptionAtRest: TRI[get("encryption_at_rest").toLowerCase()] ?? get("encryption_at_rest"),
    });
    if (!product.success) {
      const columnOf: Record<string, Column> = {
        name: "product",
        description: "product_description",
        deploymentModel: "deployment_model",
        processingRegions: "processing_regions",
        retentionKind: "retention_kind",
        retentionDays: "retention_days",
        zeroRetentionAvailable: "zero_retention_available",
        trainingPolicy: "training_policy",
        encryptionInTransit: "encryption_in_transit",
        encryptionAtRest: "encryption_at_rest",
      };
      for (const issue of product.error.issues) {
        const key = String(issue.path[0] ?? "product");
        errors.push({ row: line, column: columnOf[key] ?? key, message: issue.message });
      }
      return;
    }
    const { vendorId: _v, ...fields } = product.data;
    rows.push({ row: line, vendor: vendor.data, product: fields });
  });
  if (data.length === 0) errors.push({ row: 2, column: "-", message: "The file has a header but no rows." });
  return { rows, errors };
}

/** The register CSV as uploaded (text, at most 5 MB), checked and written by the import job. */
export const importRegisterInput = z.object({ csv: z.string().min(1, "Choose a CSV file.").max(5_000_000, "The file is over 5 MB; split it."), fileName: z.string().max(255).nullish() });

export const importStatusInput = z.object({ jobId: recordId });
