/**
 * Walking a paged list the way a user's links do (numbered pages, then keyset cursors), for the
 * tests that compare every page of a list with its reference query.
 */
import type { ListPageLink } from "@/lib/domain/list-pages";
import type { ListQuery } from "@/lib/validation/list-query";

export type WalkedPage = { rows: Array<{ id: string }>; total: number; totalCapped: boolean; page: number; next: ListPageLink | null; previous: ListPageLink | null; last: ListPageLink | null };

/** The query a page link opens. */
export const at = (base: ListQuery, link: ListPageLink): ListQuery => ({ ...base, page: link.page, cursor: link.cursor });

/** Follows Next from page 1 (offset pages, then cursors), or Previous back from Last; pages in list order. */
export async function walk<P extends WalkedPage>(list: (q: ListQuery) => Promise<P>, base: ListQuery, direction: "forward" | "backward") {
  const pages: P[] = [];
  let page = await list(direction === "forward" ? base : at(base, (await list(base)).last ?? { page: 1, cursor: null }));
  for (let guard = 0; guard < 200; guard++) {
    pages.push(page);
    const link = direction === "forward" ? page.next : page.previous;
    if (!link) break;
    page = await list(at(base, link));
  }
  if (direction === "backward") pages.reverse();
  return pages;
}
