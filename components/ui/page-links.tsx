import Link from "next/link";
import type { ListPageInfo, ListPageLink } from "@/lib/domain/list-pages";
import { buttonClass } from "./button";

/**
 * Previous / "Page 2 of 5 (120 reports)" / Next, as plain links for server-rendered lists whose
 * only state is the page number. Draws nothing when everything fits on one page.
 */
export function PageLinks({ page, pages, total, noun, label, href }: { page: number; pages: number; total: number; noun: string; label: string; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={buttonClass("secondary")}>
          Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {pages} ({total.toLocaleString("en-GB")} {noun})
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={buttonClass("secondary")}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * The same links for keyset lists (lib/domain/list-pages.ts): First / Previous / "Page 2 of 5 (120
 * reports)" / Next / Last, where past page 20 the links carry a cursor, the total may be capped
 * ("1,000+ reports") and the page number unknown (reached from the end of a capped list).
 */
export function KeysetPageLinks({ pages, noun, label, href }: { pages: ListPageInfo; noun: string; label: string; href: (link: ListPageLink) => string }) {
  if (!pages.previous && !pages.next) return null;
  const count = `${pages.total.toLocaleString("en-GB")}${pages.totalCapped ? "+" : ""} ${noun}`;
  const pageCount = pages.totalCapped ? 0 : Math.max(1, pages.last?.page ?? pages.page);
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      {pages.first && pages.previous ? (
        <>
          <Link href={href(pages.first)} className={buttonClass("secondary")} aria-label="First page">
            <span aria-hidden="true">«</span>
          </Link>
          <Link href={href(pages.previous)} className={buttonClass("secondary")}>
            Previous
          </Link>
        </>
      ) : null}
      <span>
        {pages.page > 0 ? `Page ${pages.page.toLocaleString("en-GB")}${pageCount > 0 ? ` of ${pageCount.toLocaleString("en-GB")}` : ""} (${count})` : count}
      </span>
      {pages.next ? (
        <>
          <Link href={href(pages.next)} className={buttonClass("secondary")}>
            Next
          </Link>
          {pages.last ? (
            <Link href={href(pages.last)} className={buttonClass("secondary")} aria-label="Last page">
              <span aria-hidden="true">»</span>
            </Link>
          ) : null}
        </>
      ) : null}
    </nav>
  );
}
