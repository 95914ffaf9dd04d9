import Link from "next/link";
import type { ListPageInfo, ListPageLink } from "@/lib/domain/list-pages";
import { buttonClass } from "./button";

/**
 * First / Previous / "Page 2 of 5 (120 clients)" / Next / Last as plain links, for server-rendered
 * lists read by lib/db/keyset-sql (deep pages travel as a cursor, and a total past the cap reads
 * "1,000+"). Draws nothing when everything fits on one page.
 */
export function KeysetPageLinks({ pages, pageSize, noun, label, href }: { pages: ListPageInfo; pageSize: number; noun: string; label: string; href: (link: ListPageLink) => string }) {
  if (!pages.previous && !pages.next) return null;
  const total = `${pages.total.toLocaleString("en-GB")}${pages.totalCapped ? "+" : ""} ${noun}`;
  const where = pages.page > 0 ? `Page ${pages.page}${pages.totalCapped ? "" : ` of ${Math.max(1, Math.ceil(pages.total / pageSize))}`}` : "Last page";
  const link = (to: ListPageLink | null, text: string) =>
    to ? (
      <Link href={href(to)} className={buttonClass("secondary")}>
        {text}
      </Link>
    ) : null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      {link(pages.first, "First")}
      {link(pages.previous, "Previous")}
      <span>
        {where} ({total})
      </span>
      {link(pages.next, "Next")}
      {link(pages.last, "Last")}
    </nav>
  );
}
