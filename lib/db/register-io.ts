import "server-only";
import { triStateToBoolean } from "@/lib/validation/product";
import type { ParsedRegisterRow, RowError } from "@/lib/validation/register-csv";
import { recordAudit } from "./audit";
import { prisma } from "./prisma-client";
import { refreshScores } from "./score-refresh";
import { tenant, type TenantContext } from "./tenant";

/** Every active product with its vendor, plus vendors without products, for the CSV export. */
export async function exportRegister(ctx: TenantContext) {
  return prisma.vendor.findMany({
    where: { archivedAt: null, ...tenant(ctx) },
    orderBy: { name: "asc" },
    include: { products: { where: { archivedAt: null }, orderBy: { name: "asc" } } },
  });
}

/** Rows per INSERT: ~17 parameters a product row, well under PostgreSQL's 65,535 per statement. */
const BATCH = 1000;

export type ImportProgress = (written: number, total: number) => Promise<void> | void;

export interface RegisterImportOptions {
  /** Called after each batch with the rows written so far (outside the transaction). */
  onProgress?: ImportProgress;
  /** The write transaction's limit; an import runs in the worker, so minutes are fine. */
  timeoutMs?: number;
}

interface KnownVendor {
  id: string;
  name: string;
  archivedAt: Date | null;
  products: Set<string>; // lower-cased names, only those the file mentions
}

/** Names per lookup: a file of 30,000 rows is looked up a slice at a time, never as one huge array. */
const LOOKUP_BATCH = 5000;

/**
 * Looks up only what the file names: its vendors (case-insensitive) and, for those, the products
 * the file also names, in batches of names within the organisation. The register may hold far
 * more; none of it is read.
 */
async function knownVendors(ctx: TenantContext, rows: ParsedRegisterRow[]): Promise<Map<string, KnownVendor>> {
  const vendorNames = [...new Set(rows.map((r) => r.vendor.name.toLowerCase()))];
  const productNames = [...new Set(rows.flatMap((r) => (r.product ? [r.product.name.toLowerCase()] : [])))];
  const vendors: Array<{ id: string; name: string; archivedAt: Date | null }> = [];
  for (const names of chunks(vendorNames, LOOKUP_BATCH)) {
    vendors.push(
      ...(await prisma.$queryRaw<Array<{ id: string; name: string; archivedAt: Date | null }>>`
        SELECT "id", "name", "archivedAt" FROM "Vendor"
        WHERE "organizationId" = ${ctx.organizationId} AND lower("name") = ANY(${names}::text[])`),
    );
  }
  const byName = new Map(vendors.map((v) => [v.name.toLowerCase(), { ...v, products: new Set<string>() }]));
  if (vendors.length && productNames.length) {
    const byId = new Map([...byName.values()].map((v) => [v.id, v]));
    for (const vendorIds of chunks(vendors.map((v) => v.id), LOOKUP_BATCH)) {
      for (const names of chunks(productNames, LOOKUP_BATCH)) {
        const products = await prisma.$queryRaw<Array<{ vendorId: string; name: string }>>`
          SELECT "vendorId", lower("name") AS "name" FROM "Product"
          WHERE "organizationId" = ${ctx.organizationId} AND "vendorId" = ANY(${vendorIds}::text[])
            AND lower("name") = ANY(${names}::text[])`;
        for (const p of products) byId.get(p.vendorId)?.products.add(p.name);
      }
    }
  }
  return byName;
}

/** Every reason the rows cannot be written as they stand, by row and column. */
export async function checkRegisterRows(ctx: TenantContext, rows: ParsedRegisterRow[]) {
  const known = await knownVendors(ctx, rows);
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const vendor = known.get(r.vendor.name.toLowerCase());
    if (vendor?.archivedAt) errors.push({ row: r.row, column: "vendor", message: `${vendor.name} is archived; restore it before importing into it.` });
    if (!r.product) continue;
    const productName = r.product.name.toLowerCase();
    const key = `${r.vendor.name.toLowerCase()}\u0000${productName}`;
    if (seen.has(key)) errors.push({ row: r.row, column: "product", message: `${r.product.name} appears twice for ${r.vendor.name} in this file.` });
    seen.add(key);
    if (vendor?.products.has(productName)) errors.push({ row: r.row, column: "product", message: `${vendor.name} already has a product named ${r.product.name}.` });
  }
  return { errors, known };
}

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Imports parsed register rows all-or-nothing: existing vendors are matched by name (case-
 * insensitive), new ones created; a product that already exists for its vendor, or appears twice
 * in the file, is a row error. Any error and nothing is written. Writes are multi-row INSERTs in
 * one transaction, with one audit event that summarises the import (an event per row would take
 * the audit chain's lock tens of thousands of times).
 */
export async function importRegister(
  ctx: TenantContext,
  rows: ParsedRegisterRow[],
  options: RegisterImportOptions = {},
): Promise<{ ok: true; vendors: number; products: number } | { ok: false; errors: RowError[] }> {
  const { errors, known } = await checkRegisterRows(ctx, rows);
  if (errors.length) return { ok: false, errors };

  // The first row that names a new vendor gives its website and description.
  const newVendors = new Map<string, ParsedRegisterRow["vendor"]>();
  for (const r of rows) {
    const key = r.vendor.name.toLowerCase();
    if (!known.has(key) && !newVendors.has(key)) newVendors.set(key, r.vendor);
  }
  const productRows = rows.filter((r) => r.product);
  const total = newVendors.size + productRows.length;

  return prisma.$transaction(
    async (tx) => {
      const ids = new Map([...known].map(([key, v]) => [key, v.id]));
      let written = 0;
      for (const batch of chunks([...newVendors.values()])) {
        const created = await tx.vendor.createManyAndReturn({
          data: batch.map((v) => ({ ...v, organizationId: ctx.organizationId, ownerId: ctx.userId || null })),
          select: { id: true, name: true },
        });
        for (const v of created) ids.set(v.name.toLowerCase(), v.id);
        written += batch.length;
        await options.onProgress?.(written, total);
      }
      for (const batch of chunks(productRows)) {
        const created = await tx.product.createManyAndReturn({
          select: { id: true },
          data: batch.map((r) => {
            const { encryptionInTransit, encryptionAtRest, ...fields } = r.product!;
            return {
              ...fields,
              vendorId: ids.get(r.vendor.name.toLowerCase())!,
              encryptionInTransit: triStateToBoolean(encryptionInTransit),
              encryptionAtRest: triStateToBoolean(encryptionAtRest),
              organizationId: ctx.organizationId,
              ownerId: ctx.userId || null,
            };
          }),
        });
        // Imported products are scored in the import's transaction, like any other product write (a batch at a time).
        await refreshScores(tx, ctx, { productIds: created.map((p) => p.id) });
        written += batch.length;
        await options.onProgress?.(written, total);
      }
      const summary = { rows: rows.length, vendors: newVendors.size, products: productRows.length, via: "csv-import", firstVendors: [...newVendors.values()].slice(0, 20).map((v) => v.name) };
      await recordAudit(tx, ctx, { action: "register.import", entityType: "Vendor", entityId: null, summary: { after: summary } });
      return { ok: true as const, vendors: newVendors.size, products: productRows.length };
    },
    { timeout: options.timeoutMs ?? 600_000, maxWait: 10_000 },
  );
}

