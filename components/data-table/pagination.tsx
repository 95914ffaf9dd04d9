"use client";

import { useId } from "react";

const number = (n: number) => n.toLocaleString("en-GB");

/**
 * "Showing 26–50 of 10,000", the page size, and first/previous/next/last. Plain values in,
 * callbacks out. Keyset lists may not know where a page starts (`from` 0 with rows shown: "25
 * rows of 1,000+"), their total may be capped ("1,000+"), and their page count (`pageCount` 0).
 */
export function Pagination({
  from,
  to,
  shown,
  total,
  totalCapped = false,
  page,
  pageCount,
  pageSize,
  pageSizes,
  canPrevious,
  canNext,
  onFirst,
  onPrevious,
  onNext,
  onLast,
  onPageSize,
  label,
}: {
  /** 1-based index of the first row shown, 0 when none. */
  from: number;
  to: number;
  /** Rows on this page (default to − from + 1). */
  shown?: number;
  total: number;
  /** More than `total` rows match ("1,000+"). */
  totalCapped?: boolean;
  page: number;
  pageCount: number;
  pageSize: number;
  pageSizes: readonly number[];
  canPrevious: boolean;
  canNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onLast: () => void;
  onPageSize: (size: number) => void;
  /** Names the navigation landmark, e.g. "Vendors pages". */
  label: string;
}) {
  const sizeId = useId();
  const button =
    "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-white";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite" aria-atomic="true">
        {(() => {
          const of = `${number(total)}${totalCapped ? "+" : ""}`;
          const rows = shown ?? (from > 0 ? to - from + 1 : 0);
          if (total === 0 || rows === 0) return `Showing 0 of ${of}`;
          return from > 0 ? `Showing ${number(from)}–${number(to)} of ${of}` : `Showing ${number(rows)} ${rows === 1 ? "row" : "rows"} of ${of}`;
        })()}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={sizeId}>Rows per page</label>
        <select
          id={sizeId}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          value={pageSize}
          onChange={(e) => onPageSize(Number(e.target.value))}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <button type="button" className={button} disabled={!canPrevious} onClick={onFirst} aria-label="First page">
          <span aria-hidden="true">«</span>
        </button>
        <button type="button" className={button} disabled={!canPrevious} onClick={onPrevious}>
          Previous
        </button>
        {page > 0 ? (
          <span className="px-1 tabular-nums">
            Page {number(page)}
            {pageCount > 0 ? ` of ${number(pageCount)}` : null}
          </span>
        ) : null}
        <button type="button" className={button} disabled={!canNext} onClick={onNext}>
          Next
        </button>
        <button type="button" className={button} disabled={!canNext} onClick={onLast} aria-label="Last page">
          <span aria-hidden="true">»</span>
        </button>
      </div>
    </nav>
  );
}
