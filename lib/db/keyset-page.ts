import "server-only";
import { z } from "zod";
import type { KeyValue, ListPageInfo, PageKey } from "@/lib/domain/list-pages";
import type { ListQuery } from "@/lib/validation/list-query";
import { assemblePage, planPage, type KeysetSort, type PagePlan } from "./keyset-sql";
import { Prisma, queryRows } from "./prisma-client";

/**
 * Running one keyset list page (lib/db/keyset-sql.ts) for the work lists outside the registers
 * (review queue, assessments, reports): the cursor value casts, and "one statement per page whose
 * rows carry the capped total". Kept apart from register-lists.ts so each list stays small.
 */

const sql = Prisma.sql;

/** Cursor values as typed SQL parameters; undefined = a value the sort cannot hold (a stale link). */
export const keyParam = {
  text: (v: KeyValue) => (typeof v === "string" ? sql`${v}::text` : undefined),
  integer: (v: KeyValue) => (typeof v === "number" && Number.isInteger(v) ? sql`${v}::int` : undefined),
  // Columns are timestamp(3) holding UTC; cursors carry ISO strings.
  timestamp: (v: KeyValue) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? sql`${v}::timestamptz AT TIME ZONE 'UTC'` : undefined),
};

export type KeysetPage<Row> = { rows: Row[] } & ListPageInfo;

/**
 * Reads one page: `page(plan)` returns rows that each carry `total` (the capped count); when the
 * page is empty (a cursor past the end) `total` is asked alone. Rows are validated with `schema`.
 */
export async function readKeysetPage<Row extends { total: number }>(
  query: ListQuery,
  sort: KeysetSort,
  statements: { page: (plan: PagePlan) => Prisma.Sql; total: Prisma.Sql },
  schema: z.ZodType<Row>,
  keyOf: (row: Row) => PageKey,
): Promise<KeysetPage<Omit<Row, "total">>> {
  const plan = planPage(query, sort);
  const rows = z.array(schema).parse(await queryRows(statements.page(plan)));
  const total = rows.length ? rows[0]!.total : z.number().int().parse(((await queryRows(statements.total))[0] as { total?: unknown } | undefined)?.total);
  const page = assemblePage(plan, query, rows, keyOf, total);
  return { ...page, rows: page.rows.map(({ total: _total, ...row }) => row) };
}
