"use client";

export function Pagination({
  page,
  pageCount,
  pageSize,
  pageSizes,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageCount: number;
  pageSize: number;
  pageSizes: readonly number[];
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-40";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        Showing {from.toLocaleString("en")}–{to.toLocaleString("en")} of {total.toLocaleString("en")}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1">
          Rows per page
          <select className="rounded-md border border-slate-300 px-2 py-1" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {pageSizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(1)} aria-label="First page">
          «
        </button>
        <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <span>
          Page {page} of {pageCount}
        </span>
        <button type="button" className={button} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          Next
        </button>
        <button type="button" className={button} disabled={page >= pageCount} onClick={() => onPage(pageCount)} aria-label="Last page">
          »
        </button>
      </div>
    </nav>
  );
}
