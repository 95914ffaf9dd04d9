import "server-only";
import { decodeCursor, pageLinks, pageRead, TOTAL_CAP, type KeyValue, type ListPageInfo, type PageKey, type PageRead } from "@/lib/domain/list-pages";
import type { ListQuery } from "@/lib/validation/list-query";
import { Prisma } from "./prisma-client";

/**
 * The SQL side of keyset pagination (lib/domain/list-pages.ts holds the links). A list describes
 * each sort as a key expression plus an ascending tie-breaker; this builds the ORDER BY, the
 * keyset condition and LIMIT/OFFSET for one page, all as Prisma.sql fragments (parameters bound,
 * never spliced into the text).
 */
export interface KeysetSort {
  /** The sort key, e.g. Prisma.sql`v."name"`. */
  key: Prisma.Sql;
  /** A cursor value as a typed SQL parameter, e.g. (v) => Prisma.sql`${v}::text`; undefined = a value this sort cannot hold. */
  param: (value: KeyValue) => Prisma.Sql | undefined;
  /** The key may be NULL (sorted last in both directions, as Prisma's `nulls: "last"`). */
  nullable?: boolean;
  /** The ascending tie-breaker, unique within the list (the id, or a unique name). */
  tie: Prisma.Sql;
  desc: boolean;
}

/** `%text%` for ILIKE, with the pattern characters in the user's text taken literally. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const sql = Prisma.sql;

/** ORDER BY for reading in display order (`forward`) or backwards from the end. */
export function orderBy(sort: KeysetSort, forward: boolean): Prisma.Sql {
  const keyDesc = sort.desc === forward;
  const dir = keyDesc ? sql`DESC` : sql`ASC`;
  // Nulls sort last in display order, so first when reading backwards.
  const nulls = sort.nullable ? (forward ? sql`NULLS LAST` : sql`NULLS FIRST`) : sql``;
  return sql`${sort.key} ${dir} ${nulls}, ${sort.tie} ${forward ? sql`ASC` : sql`DESC`}`;
}

/**
 * Rows strictly after (`after`) or before the key, in display order. The redundant bound on the
 * key alone (`k >= c`) lets PostgreSQL read an index range instead of filtering the tenant.
 */
export function keysetCondition(sort: KeysetSort, kind: "after" | "before", key: PageKey): Prisma.Sql | null {
  const [value, tieValue] = key;
  const tie = sql`${tieValue}::text`;
  if (value === null) {
    if (!sort.nullable) return null;
    return kind === "after" ? sql`(${sort.key} IS NULL AND ${sort.tie} > ${tie})` : sql`(${sort.key} IS NOT NULL OR ${sort.tie} < ${tie})`;
  }
  const c = sort.param(value);
  if (!c) return null;
  // "Later in display order" is a bigger key ascending, a smaller one descending.
  const later = kind === "after" !== sort.desc;
  const range = later ? sql`${sort.key} >= ${c} AND (${sort.key} > ${c} OR ${sort.tie} ${kind === "after" ? sql`>` : sql`<`} ${tie})` : sql`${sort.key} <= ${c} AND (${sort.key} < ${c} OR ${sort.tie} ${kind === "after" ? sql`>` : sql`<`} ${tie})`;
  if (sort.nullable && kind === "after") return sql`((${range}) OR ${sort.key} IS NULL)`;
  return sql`(${range})`;
}

/** A nullable key's keyset bound split into its non-null and null parts (each TRUE/FALSE or a range). */
function nullableBounds(sort: KeysetSort, read: PageRead): { notNull: Prisma.Sql; isNull: Prisma.Sql } | null {
  if (read.kind !== "after" && read.kind !== "before") return { notNull: sql`TRUE`, isNull: sql`TRUE` };
  const [value, tieValue] = read.key;
  const tie = sql`${tieValue}::text`;
  if (value === null) {
    // Nulls come last: after a null key only later nulls; before it every non-null and earlier nulls.
    return read.kind === "after" ? { notNull: sql`FALSE`, isNull: sql`${sort.tie} > ${tie}` } : { notNull: sql`TRUE`, isNull: sql`${sort.tie} < ${tie}` };
  }
  const range = keysetCondition({ ...sort, nullable: false }, read.kind, read.key);
  if (!range) return null;
  return read.kind === "after" ? { notNull: range, isNull: sql`TRUE` } : { notNull: range, isNull: sql`FALSE` };
}

export interface PagePlan {
  read: PageRead;
  /** Extra WHERE condition (the keyset bound), or TRUE. */
  where: Prisma.Sql;
  /** ORDER BY … LIMIT … OFFSET … for the inner read. */
  tail: Prisma.Sql;
  /** The ORDER BY list alone, to keep the read's order in an outer query over the same columns. */
  order: Prisma.Sql;
  /** Whether rows come back in reverse display order (before/last reads). */
  reversed: boolean;
  /**
   * The page's read from `source` (a subquery whose alias becomes page_source), in reading order.
   * A nullable key reads its non-null and null rows as two index-ordered parts: one btree order
   * cannot serve both "DESC NULLS LAST" and "ASC NULLS LAST" (and Prisma cannot declare the
   * other), and without this a descending score sort sorted the whole tenant.
   */
  select: (source: Prisma.Sql) => Prisma.Sql;
}

export function planPage(query: ListQuery, sort: KeysetSort): PagePlan {
  let read = pageRead(query, decodeCursor(query.cursor));
  let where: Prisma.Sql | null = sql`TRUE`;
  if (read.kind === "after" || read.kind === "before") {
    where = keysetCondition(sort, read.kind, read.key);
    // A key this sort cannot hold (the sort changed under a stale link): start over.
    if (!where) {
      read = { kind: "offset", offset: 0, page: 1 };
      where = sql`TRUE`;
    }
  }
  const forward = read.kind === "offset" || read.kind === "after";
  const limit = query.pageSize + 1;
  const offset = read.kind === "offset" ? read.offset : 0;
  const order = orderBy(sort, forward);
  const tail = sql`ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
  const bounded = where;
  const parts = sort.nullable ? nullableBounds(sort, read) : null;
  // Each part is ordered without a NULLS clause, so PostgreSQL sees the index order (it does not
  // infer that NULLS FIRST/LAST is moot once IS NOT NULL holds); the outer ORDER BY merges them.
  const notNullOrder = orderBy({ ...sort, nullable: false }, forward);
  // Null rows by the tie-breaker, written as the index's own order (key, tie) so PostgreSQL reads
  // them from the tenant's range of the index rather than the whole primary key.
  const nullOrder = forward ? sql`${sort.key} ASC, ${sort.tie} ASC` : sql`${sort.key} DESC, ${sort.tie} DESC`;
  const select = (source: Prisma.Sql) =>
    parts
      ? sql`SELECT * FROM (
              (SELECT * FROM ${source} AS page_source WHERE ${sort.key} IS NOT NULL AND ${parts.notNull} ORDER BY ${notNullOrder} LIMIT ${limit + offset})
              UNION ALL
              (SELECT * FROM ${source} AS page_source WHERE ${sort.key} IS NULL AND ${parts.isNull} ORDER BY ${nullOrder} LIMIT ${limit + offset})
            ) AS page_source ${tail}`
      : sql`SELECT * FROM ${source} AS page_source WHERE ${bounded} ${tail}`;
  return { read, where, order, tail, reversed: !forward, select };
}

/**
 * Turns the pageSize + 1 rows a plan read into the page (display order) and its links.
 * `keyOf` gives a row's key; `total` is the capped count.
 */
export function assemblePage<Row>(plan: PagePlan, query: ListQuery, fetched: Row[], keyOf: (row: Row) => PageKey, total: number): { rows: Row[] } & ListPageInfo {
  const more = fetched.length > query.pageSize;
  const page = fetched.slice(0, query.pageSize);
  if (plan.reversed) page.reverse();
  const totalCapped = total > TOTAL_CAP;
  const info = pageLinks(plan.read, {
    pageSize: query.pageSize,
    shown: page.length,
    more,
    firstKey: page.length ? keyOf(page[0]!) : null,
    lastKey: page.length ? keyOf(page.at(-1)!) : null,
    total: Math.min(total, TOTAL_CAP),
    totalCapped,
  });
  return { rows: page, ...info };
}

/** `SELECT count(*)` of at most TOTAL_CAP + 1 matching rows: the cost stops at the cap. */
export const cappedCount = (from: Prisma.Sql) => sql`(SELECT count(*)::int FROM (SELECT 1 ${from} LIMIT ${TOTAL_CAP + 1}) AS capped)`;
