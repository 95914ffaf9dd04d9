import { z } from "zod";
import { MAX_OFFSET_PAGE, type ListQuery } from "@/lib/validation/list-query";

/**
 * Keyset pagination for server lists, the pure part: the cursor's encoding and where a page's
 * First/Previous/Next/Last lead. lib/db reads the rows; this decides the links.
 *
 * A page's key is its sort value plus the tie-breaker, e.g. ["Vendor 05000", "clx…"]. Pages up to
 * MAX_OFFSET_PAGE are read by OFFSET (their links are plain `page=N`, so page links and old
 * bookmarks keep working); deeper pages by `cursor=a.<key of the last row shown>` (next) or
 * `cursor=b.<key of the first row shown>` (previous), and `cursor=last` reads the list backwards.
 */

/** A sort value as it travels in a cursor: text, a number, an ISO timestamp, or null (nulls sort last). */
export type KeyValue = string | number | null;
export type PageKey = readonly [KeyValue, string];

/** The total counts matching rows up to this many; beyond, the list says "1,000+". */
export const TOTAL_CAP = 1000;

export interface ListPageLink {
  page: number;
  cursor: string | null;
}

export interface ListPageInfo {
  /** Matching rows, exact up to TOTAL_CAP; `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  /** The page's number when known (0 = unknown: reached from the end of a capped list). */
  page: number;
  /** 1-based position of the first row shown, when known. */
  from: number | null;
  first: ListPageLink | null;
  previous: ListPageLink | null;
  next: ListPageLink | null;
  last: ListPageLink | null;
}

const keySchema = z.tuple([z.union([z.string().max(400), z.number().finite(), z.null()]), z.string().min(1).max(100)]);

export function encodeCursor(direction: "a" | "b", key: PageKey): string {
  return `${direction}.${Buffer.from(JSON.stringify(key), "utf8").toString("base64url")}`;
}

export type ParsedCursor = { kind: "after" | "before"; key: PageKey } | { kind: "last" } | null;

/** The URL's cursor, or null when absent or not one of ours (a mangled link opens page 1). */
export function decodeCursor(cursor: string | null | undefined): ParsedCursor {
  if (!cursor) return null;
  if (cursor === "last") return { kind: "last" };
  const direction = cursor.slice(0, 2);
  if (direction !== "a." && direction !== "b.") return null;
  try {
    const key = keySchema.safeParse(JSON.parse(Buffer.from(cursor.slice(2), "base64url").toString("utf8")));
    return key.success ? { kind: direction === "a." ? "after" : "before", key: key.data } : null;
  } catch {
    return null;
  }
}

/** How a list page is read: by offset (the first MAX_OFFSET_PAGE pages) or from a key. */
export type PageRead =
  | { kind: "offset"; offset: number; page: number }
  | { kind: "after"; key: PageKey; page: number }
  | { kind: "before"; key: PageKey; page: number }
  | { kind: "last"; page: number };

export function pageRead(query: ListQuery, cursor: ParsedCursor): PageRead {
  if (cursor?.kind === "after" || cursor?.kind === "before") return { kind: cursor.kind, key: cursor.key, page: query.page };
  if (cursor?.kind === "last") return { kind: "last", page: query.page };
  const page = Math.min(Math.max(query.page, 1), MAX_OFFSET_PAGE);
  return { kind: "offset", offset: (page - 1) * query.pageSize, page };
}

/**
 * The links around a page that was read with `read`, given what came back: `more` = a row beyond
 * the page exists in the reading direction (lib/db fetches pageSize + 1), `firstKey`/`lastKey` the
 * keys of the first and last row shown (display order), and the capped total.
 */
export function pageLinks(
  read: PageRead,
  { pageSize, shown, more, firstKey, lastKey, total, totalCapped }: { pageSize: number; shown: number; more: boolean; firstKey: PageKey | null; lastKey: PageKey | null; total: number; totalCapped: boolean },
): ListPageInfo {
  const lastPage = totalCapped ? 0 : Math.max(1, Math.ceil(total / pageSize));
  // Reading forwards `more` means rows after; backwards (before/last) it means rows before.
  const hasBefore = read.kind === "offset" ? read.offset > 0 : read.kind === "after" ? true : more;
  const hasAfter = read.kind === "offset" || read.kind === "after" ? more : read.kind === "before";
  // The page's number: offset pages know it; keyset pages carry it in the URL as a label; the
  // last page knows it only when the total is exact.
  // A backwards read that found the start of the list is page 1 (it may hold fewer rows than a
  // page: the pages counted back from the end need not line up with those counted from the start).
  const page = !hasBefore ? 1 : read.kind === "last" ? lastPage : read.page;
  const from = page > 0 && shown > 0 ? (page - 1) * pageSize + 1 : page > 0 ? 0 : null;
  const first: ListPageLink = { page: 1, cursor: null };
  const previous: ListPageLink | null = !hasBefore
    ? null
    : read.kind === "offset"
      ? { page: page - 1, cursor: null }
      : firstKey
        ? { page: page > 0 ? page - 1 : 0, cursor: encodeCursor("b", firstKey) }
        : first;
  const next: ListPageLink | null = !hasAfter
    ? null
    : read.kind === "offset" && page + 1 <= MAX_OFFSET_PAGE
      ? { page: page + 1, cursor: null }
      : lastKey
        ? { page: page > 0 ? page + 1 : 0, cursor: encodeCursor("a", lastKey) }
        : null;
  return {
    total,
    totalCapped,
    page,
    from,
    first: hasBefore ? first : null,
    previous,
    next,
    last: hasAfter ? { page: lastPage, cursor: "last" } : null,
  };
}
