import "server-only";
import { z } from "zod";
import { APPROVED_STATUSES, statusShownForUseCase } from "@/lib/domain/approvals/approval-validity";
import { filterMatrix } from "@/lib/domain/approvals/matrix-filter";
import { calendarDateOfColumn } from "@/lib/domain/dates/calendar-date";
import type { ListPageInfo } from "@/lib/domain/list-pages";
import type { RISK_TIERS } from "@/lib/domain/vocabulary";
import type { ListQuery } from "@/lib/validation/list-query";
import { assemblePage, cappedCount, containsPattern, planPage, type KeysetSort } from "./keyset-sql";
import { prisma, Prisma, queryRows } from "./prisma-client";
import { inTenant, todayFor, type TenantContext } from "./tenant";

/**
 * The approval matrix (clients × products) as pages whose cost follows the page and the tenant
 * (issues 17 and 18). The status and tier filters choose CLIENTS in the database: a client is
 * listed when at least one of its use cases matches, so a filtered page is full unless it is the
 * last, and the total counts matching clients (capped at TOTAL_CAP). Within the page, cells keep
 * only the matching use cases (filterMatrix, the same rule in memory over the page's rows).
 *
 * Clients are read in (name, id) order from the (organizationId, name) index; pages past
 * MAX_OFFSET_PAGE are read from a key (keyset), never by a deep OFFSET. The filter is an EXISTS
 * probe per client on UseCase (organizationId, clientId).
 */

export const MATRIX_STATUSES = ["PROPOSED", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "LAPSED", "SUSPENDED"] as const;
export type MatrixStatus = (typeof MATRIX_STATUSES)[number];
export type MatrixTier = (typeof RISK_TIERS)[number];

export interface MatrixQuery {
  page: number;
  pageSize: number;
  q: string;
  statuses?: readonly MatrixStatus[];
  tiers?: readonly MatrixTier[];
  /** A keyset cursor from a previous page's links (lib/domain/list-pages). */
  cursor?: string | null;
}

const sql = Prisma.sql;
const APPROVED = sql`u.status IN (${Prisma.join(APPROVED_STATUSES.map((s) => sql`${s}::"UseCaseStatus"`))})`;

/**
 * The SQL twin of statusShownForUseCase: the status a use case SHOWS today (an approval past its
 * validity shows LAPSED, a suspended one SUSPENDED). validUntil's calendar date is its UTC date,
 * as calendarDateOfColumn reads it.
 */
export function shownStatusCondition(status: MatrixStatus, today: string): Prisma.Sql {
  const day = sql`${today}::date`;
  const lapsed = sql`(u."validUntil" IS NOT NULL AND u."validUntil"::date < ${day})`;
  switch (status) {
    case "SUSPENDED":
      return sql`(${APPROVED} AND u."suspendedAt" IS NOT NULL)`;
    case "LAPSED":
      return sql`(${APPROVED} AND u."suspendedAt" IS NULL AND ${lapsed})`;
    case "APPROVED":
    case "APPROVED_WITH_CONDITIONS":
      return sql`(u.status = ${status}::"UseCaseStatus" AND u."suspendedAt" IS NULL AND NOT ${lapsed})`;
    default:
      return sql`u.status = ${status}::"UseCaseStatus"`;
  }
}

/** The use-case condition of the filters, or null when none is set. */
function matchingUseCaseCondition(query: MatrixQuery, today: string): Prisma.Sql | null {
  const statuses = query.statuses ?? [];
  const tiers = query.tiers ?? [];
  if (statuses.length === 0 && tiers.length === 0) return null;
  const parts = [
    ...(statuses.length ? [sql`(${Prisma.join(statuses.map((s) => shownStatusCondition(s, today)), " OR ")})`] : []),
    ...(tiers.length ? [sql`u."currentTier" = ANY(${[...tiers]}::text[]::"RiskTier"[])`] : []),
  ];
  return Prisma.join(parts, " AND ");
}

const clientRow = z.object({ id: z.string(), name: z.string(), residency: z.string(), total: z.number().int() });

/** The SQL of one page of matrix clients (each row with the capped total), and of the total alone. */
function matrixStatements(ctx: TenantContext, query: MatrixQuery, today: string) {
  const org = ctx.organizationId;
  const matching = matchingUseCaseCondition(query, today);
  const conditions = [
    sql`c."organizationId" = ${org}`,
    sql`c."archivedAt" IS NULL`,
    ...(query.q ? [sql`c.name ILIKE ${containsPattern(query.q)}`] : []),
    ...(matching ? [sql`EXISTS (SELECT 1 FROM "UseCase" u WHERE u."organizationId" = ${org} AND u."clientId" = c.id AND ${matching})`] : []),
  ];
  const from = sql`FROM "Client" c WHERE ${Prisma.join(conditions, " AND ")}`;
  // Client names are unique within an organisation; id is the tie-breaker the cursor carries.
  const sort: KeysetSort = { key: sql`page_source.name`, param: (v) => (typeof v === "string" ? sql`${v}::text` : undefined), tie: sql`page_source.id`, desc: false };
  const listQuery: ListQuery = { page: query.page, pageSize: query.pageSize, sort: null, q: query.q, filters: {}, cursor: query.cursor ?? null };
  const plan = planPage(listQuery, sort);
  const page = sql`
      WITH page AS (${plan.select(sql`(SELECT c.id, c.name, c.residency::text AS residency ${from})`)})
      SELECT page_source.id, page_source.name, page_source.residency, ${cappedCount(from)} AS total
      FROM page AS page_source ORDER BY ${plan.order}`;
  return { sort, plan, listQuery, page, total: sql`SELECT ${cappedCount(from)} AS total` };
}

/** The statement a matrix page runs (for EXPLAIN tests and benchmarks; pages call approvalMatrix). */
export function approvalMatrixStatement(ctx: TenantContext, query: MatrixQuery, now = new Date()): Prisma.Sql {
  return matrixStatements(ctx, query, todayFor(ctx, now)).page;
}

export async function approvalMatrix(ctx: TenantContext, query: MatrixQuery, now = new Date()) {
  const today = todayFor(ctx, now);
  const statements = matrixStatements(ctx, query, today);
  const fetched = z.array(clientRow).parse(await queryRows(statements.page));
  const total = fetched.length ? fetched[0]!.total : z.number().int().parse(((await queryRows(statements.total))[0] as { total?: unknown } | undefined)?.total);
  const info: { rows: typeof fetched } & ListPageInfo = assemblePage(statements.plan, statements.listQuery, fetched, (r) => [r.name, r.id], total);
  const ids = info.rows.map((c) => c.id);
  const useCases = ids.length
    ? await prisma.useCase.findMany({
        where: inTenant(ctx, { clientId: { in: ids } }),
        orderBy: [{ purpose: "asc" }, { id: "asc" }],
        select: { id: true, clientId: true, productId: true, purpose: true, status: true, validUntil: true, suspendedAt: true, currentTier: true, currentScore: true },
      })
    : [];
  const shown = useCases.map((u) => ({ ...u, displayStatus: statusShownForUseCase(u.status, calendarDateOfColumn(u.validUntil), today, u.suspendedAt !== null) }));
  const clients = info.rows.map((c) => ({ id: c.id, name: c.name, residency: c.residency, useCases: shown.filter((u) => u.clientId === c.id) }));
  // Cells keep only the matching use cases; products without one drop out as columns.
  const filtered = filterMatrix({ products: [] as Array<{ id: string }>, clients }, { statuses: query.statuses ?? [], tiers: query.tiers ?? [] });
  const productIds = [...new Set(filtered.clients.flatMap((c) => c.useCases.map((u) => u.productId)))];
  const products = productIds.length
    ? await prisma.product.findMany({
        where: inTenant(ctx, { id: { in: productIds } }),
        orderBy: [{ vendor: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
        select: { id: true, name: true, vendor: { select: { name: true } } },
      })
    : [];
  const { rows: _rows, ...pages } = info;
  return { ...pages, products, clients: filtered.clients };
}
