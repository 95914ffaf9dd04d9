import "server-only";
import { z } from "zod";
import type { KeyValue, ListPageInfo, PageKey } from "@/lib/domain/list-pages";
import type { ListQuery, ListQueryOptions } from "@/lib/validation/list-query";
import { DEPLOYMENT_MODELS, PRODUCT_TIERS, RISK_TIERS, TRAINING_POLICIES } from "@/lib/domain/vocabulary";
import { assemblePage, cappedCount, containsPattern, planPage, type KeysetSort, type PagePlan } from "./keyset-sql";
import { Prisma, queryRows } from "./prisma-client";
import type { TenantContext } from "./tenant";

/**
 * The vendor and product registers as server-side pages whose cost follows the page and the
 * tenant, not the table (issue 17):
 *  - every read leads with organizationId on an index that matches the sort including its
 *    tie-breaker (prisma/schema.prisma), so page 1 is an index range read of 26 rows;
 *  - pages past MAX_OFFSET_PAGE are read from a key (keyset), never by OFFSET;
 *  - a vendor's product count is a column kept by a trigger (Vendor.activeProductCount), so the
 *    count sort reads an index too;
 *  - searches (ILIKE '%…%') use trigram indexes that also lead with organizationId;
 *  - the total is counted up to TOTAL_CAP and then shown as "1,000+".
 * One statement per page (rows plus the capped total), raw SQL from Prisma.sql fragments sent
 * through the pool (queryRows: Prisma's raw path doubled the page's cost), rows validated with zod. Results equal what the earlier Prisma queries returned (register-lists.test.ts).
 */
export const VENDOR_LIST: ListQueryOptions = {
  sortable: ["name", "products", "updatedAt"],
  defaultSort: { id: "name", desc: false },
  filters: { status: ["active", "archived"] },
  keyset: true,
};

export const PRODUCT_LIST: ListQueryOptions = {
  sortable: ["name", "vendor", "tier", "deploymentModel", "trainingPolicy", "currentScore", "updatedAt"],
  defaultSort: { id: "name", desc: false },
  filters: { tier: PRODUCT_TIERS, deploymentModel: DEPLOYMENT_MODELS, trainingPolicy: TRAINING_POLICIES, riskTier: RISK_TIERS, status: ["active", "archived"] },
  keyset: true,
};

export type ListPage<Row> = { rows: Row[] } & ListPageInfo;

const sql = Prisma.sql;

/** Active only by default; `status=archived` archived only; both = everything. */
function archivedCondition(column: Prisma.Sql, status: string[] | undefined): Prisma.Sql {
  if (status?.length === 1) return status[0] === "archived" ? sql`${column} IS NOT NULL` : sql`${column} IS NULL`;
  return status?.length ? sql`TRUE` : sql`${column} IS NULL`;
}

const text = (v: KeyValue) => (typeof v === "string" ? sql`${v}::text` : undefined);
const integer = (v: KeyValue) => (typeof v === "number" && Number.isInteger(v) ? sql`${v}::int` : undefined);
const timestamp = (v: KeyValue) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? sql`${v}::timestamptz AT TIME ZONE 'UTC'` : undefined);
const oneOf = (values: readonly string[], cast: (v: string) => Prisma.Sql) => (v: KeyValue) => (typeof v === "string" && values.includes(v) ? cast(v) : undefined);

async function readPage<Row>(query: ListQuery, sort: KeysetSort, run: (plan: PagePlan) => Promise<{ rows: Row[]; total: number }>, keyOf: (row: Row) => PageKey): Promise<ListPage<Row>> {
  const plan = planPage(query, sort);
  const result = await run(plan);
  return assemblePage(plan, query, result.rows, keyOf, result.total);
}

/** The total rides along on every row; an empty page (a cursor past the end) asks for it alone. */
async function withTotal<Row extends { total: number }>(rows: Row[], count: () => Promise<number>): Promise<{ rows: Row[]; total: number }> {
  return { rows, total: rows.length ? rows[0]!.total : await count() };
}

const countOf = async (statement: Prisma.Sql) => z.number().int().parse(((await queryRows(statement))[0] as { total?: unknown } | undefined)?.total);

/**
 * The statement a list page runs for `query` (its first read), for the benchmark's "the page's own
 * SQL" baseline and the EXPLAIN tests. Not for pages: they call listVendors/listProducts.
 */
export function registerPageStatement(list: "vendors" | "products", ctx: TenantContext, query: ListQuery): Prisma.Sql {
  const statements = list === "vendors" ? vendorStatements(ctx, query) : productStatements(ctx, query);
  return statements.page(planPage(query, statements.sort));
}

// ───────────────────────────── vendors ─────────────────────────────

const vendorRow = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  isSample: z.boolean(),
  archivedAt: z.date().nullable(),
  updatedAt: z.date(),
  products: z.number().int(),
  total: z.number().int(),
});
type VendorRow = z.infer<typeof vendorRow>;

function vendorSort(query: ListQuery): KeysetSort {
  const desc = query.sort?.desc ?? false;
  // Names are unique within an organisation, so name is a tie-breaker as good as the id.
  if (query.sort?.id === "products") return { key: sql`page_source.products`, param: integer, tie: sql`page_source.name`, desc };
  if (query.sort?.id === "updatedAt") return { key: sql`page_source."updatedAt"`, param: timestamp, tie: sql`page_source.id`, desc };
  return { key: sql`page_source.name`, param: text, tie: sql`page_source.id`, desc: query.sort?.id === "name" ? desc : false };
}

function vendorKey(query: ListQuery) {
  return (row: VendorRow): PageKey => {
    if (query.sort?.id === "products") return [row.products, row.name];
    if (query.sort?.id === "updatedAt") return [row.updatedAt.toISOString(), row.id];
    return [row.name, row.id];
  };
}

/** The SQL of one vendor page (rows, each with the capped total) and of the total alone. */
function vendorStatements(ctx: TenantContext, query: ListQuery) {
  const org = ctx.organizationId;
  const pattern = query.q ? containsPattern(query.q) : null;
  // A vendor matches a search by its own name or any of its products' names; both sides read a
  // trigram index within the tenant.
  const search = pattern
    ? sql`AND v.id IN (SELECT id FROM "Vendor" WHERE "organizationId" = ${org} AND name ILIKE ${pattern}
                       UNION SELECT "vendorId" FROM "Product" WHERE "organizationId" = ${org} AND name ILIKE ${pattern})`
    : sql``;
  const from = sql`FROM "Vendor" v WHERE v."organizationId" = ${org} AND ${archivedCondition(sql`v."archivedAt"`, query.filters.status)} ${search}`;
  const sort = vendorSort(query);
  // The product count is Vendor.activeProductCount, kept by a trigger on Product (migration
  // vendor_client_counts), so sorting by it reads an index like any other sort instead of
  // counting the tenant's products.
  const source = sql`(SELECT v.id, v.name, v.website, v."isSample", v."archivedAt", v."updatedAt", v."activeProductCount" AS products ${from})`;
  const page = (plan: PagePlan) => sql`
      WITH page AS (${plan.select(source)})
      SELECT page_source.id, page_source.name, page_source.website, page_source."isSample",
             page_source."archivedAt" AT TIME ZONE 'UTC' AS "archivedAt", page_source."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
             page_source.products, ${cappedCount(from)} AS total
      FROM page AS page_source ORDER BY ${plan.order}`;
  return { sort, page, total: sql`SELECT ${cappedCount(from)} AS total` };
}

export async function listVendors(ctx: TenantContext, query: ListQuery): Promise<ListPage<Omit<VendorRow, "total">>> {
  const statements = vendorStatements(ctx, query);
  const run = async (plan: PagePlan) => withTotal(z.array(vendorRow).parse(await queryRows(statements.page(plan))), () => countOf(statements.total));
  const page = await readPage(query, statements.sort, run, vendorKey(query));
  return { ...page, rows: page.rows.map(({ total: _total, ...row }) => row) };
}

// ───────────────────────────── products ─────────────────────────────

const productRow = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.enum(PRODUCT_TIERS),
  deploymentModel: z.enum(DEPLOYMENT_MODELS),
  trainingPolicy: z.enum(TRAINING_POLICIES),
  processingRegions: z.array(z.string()),
  currentScore: z.number().int().nullable(),
  currentTier: z.enum(RISK_TIERS).nullable(),
  isSample: z.boolean(),
  archivedAt: z.date().nullable(),
  updatedAt: z.date(),
  vendorId: z.string(),
  vendorName: z.string(),
  total: z.number().int(),
});
type ProductRow = z.infer<typeof productRow>;

const PRODUCT_SORTS: Record<string, Pick<KeysetSort, "key" | "param" | "nullable"> & { value: (row: ProductRow) => KeyValue }> = {
  name: { key: sql`page_source.name`, param: text, value: (r) => r.name },
  vendor: { key: sql`page_source."vendorName"`, param: text, value: (r) => r.vendorName },
  tier: { key: sql`page_source.tier`, param: oneOf(PRODUCT_TIERS, (v) => sql`${v}::"ProductTier"`), value: (r) => r.tier },
  deploymentModel: { key: sql`page_source."deploymentModel"`, param: oneOf(DEPLOYMENT_MODELS, (v) => sql`${v}::"DeploymentModel"`), value: (r) => r.deploymentModel },
  trainingPolicy: { key: sql`page_source."trainingPolicy"`, param: oneOf(TRAINING_POLICIES, (v) => sql`${v}::"TrainingPolicy"`), value: (r) => r.trainingPolicy },
  currentScore: { key: sql`page_source."currentScore"`, param: integer, nullable: true, value: (r) => r.currentScore },
  updatedAt: { key: sql`page_source."updatedAt"`, param: timestamp, value: (r) => r.updatedAt.toISOString() },
};

/** The SQL of one product page (rows, each with the capped total) and of the total alone. */
function productStatements(ctx: TenantContext, query: ListQuery) {
  const org = ctx.organizationId;
  const f = query.filters;
  const pattern = query.q ? containsPattern(query.q) : null;
  const conditions = [
    sql`p."organizationId" = ${org}`,
    archivedCondition(sql`p."archivedAt"`, f.status),
    ...(f.tier ? [sql`p.tier = ANY(${f.tier}::text[]::"ProductTier"[])`] : []),
    ...(f.deploymentModel ? [sql`p."deploymentModel" = ANY(${f.deploymentModel}::text[]::"DeploymentModel"[])`] : []),
    ...(f.trainingPolicy ? [sql`p."trainingPolicy" = ANY(${f.trainingPolicy}::text[]::"TrainingPolicy"[])`] : []),
    ...(f.riskTier ? [sql`p."currentTier" = ANY(${f.riskTier}::text[]::"RiskTier"[])`] : []),
    // A product matches by its own name or its vendor's; each side reads a trigram index within the tenant.
    ...(pattern
      ? [
          sql`p.id IN (SELECT id FROM "Product" WHERE "organizationId" = ${org} AND name ILIKE ${pattern}
                       UNION SELECT x.id FROM "Product" x WHERE x."organizationId" = ${org}
                         AND x."vendorId" IN (SELECT id FROM "Vendor" WHERE "organizationId" = ${org} AND name ILIKE ${pattern}))`,
        ]
      : []),
  ];
  const from = sql`FROM "Product" p JOIN "Vendor" v ON v.id = p."vendorId" AND v."organizationId" = ${org} WHERE ${Prisma.join(conditions, " AND ")}`;
  const spec = PRODUCT_SORTS[query.sort?.id ?? "name"] ?? PRODUCT_SORTS.name!;
  const sort: KeysetSort = { ...spec, tie: sql`page_source.id`, desc: query.sort?.desc ?? false };
  const keyOf = (row: ProductRow): PageKey => [spec.value(row), row.id];
  const page = (plan: PagePlan) => sql`
      WITH page AS (${plan.select(sql`(SELECT p.id, p.name, p.tier, p."deploymentModel", p."trainingPolicy", p."processingRegions", p."currentScore",
                                          p."currentTier", p."isSample", p."archivedAt", p."updatedAt", v.id AS "vendorId", v.name AS "vendorName" ${from})`)})
      SELECT page_source.id, page_source.name, page_source.tier::text AS tier, page_source."deploymentModel"::text AS "deploymentModel",
             page_source."trainingPolicy"::text AS "trainingPolicy", page_source."processingRegions", page_source."currentScore",
             page_source."currentTier"::text AS "currentTier", page_source."isSample",
             page_source."archivedAt" AT TIME ZONE 'UTC' AS "archivedAt", page_source."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
             page_source."vendorId", page_source."vendorName", ${cappedCount(from)} AS total
      FROM page AS page_source ORDER BY ${plan.order}`;
  return { sort, keyOf, page, total: sql`SELECT ${cappedCount(from)} AS total` };
}

export async function listProducts(ctx: TenantContext, query: ListQuery): Promise<ListPage<Omit<ProductRow, "total" | "vendorId" | "vendorName"> & { vendor: { id: string; name: string } }>> {
  const statements = productStatements(ctx, query);
  const run = async (plan: PagePlan) => withTotal(z.array(productRow).parse(await queryRows(statements.page(plan))), () => countOf(statements.total));
  const page = await readPage(query, statements.sort, run, statements.keyOf);
  return { ...page, rows: page.rows.map(({ total: _total, vendorId, vendorName, ...row }) => ({ ...row, vendor: { id: vendorId, name: vendorName } })) };
}
