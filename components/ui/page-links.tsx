import Link from "next/link";
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
