"use client";

/**
 * A server-driven table (TanStack Table v9, manual sorting/filtering/pagination). The page, a
 * server component, parses the URL, queries ONE page of rows plus the matching total, and passes
 * them here. Every control (sort, search, filters, page, page size) only rewrites the URL; the
 * server re-renders with the new state, so a view can be bookmarked and shared and 10,000 rows
 * cost the same as 10. This component never fetches.
 *
 * Usage:
 *
 *   // lib/db/…: the parse options, shared by the page and the query
 *   export const VENDOR_LIST = { sortable: ["name", "updatedAt"], defaultSort: { id: "name", desc: false },
 *                                filters: { status: ["active", "archived"] } } satisfies ListQueryOptions;
 *
 *   // app/(app)/vendors/page.tsx (server component)
 *   const query = parseListQuery(await searchParams, VENDOR_LIST); // never throws; bad params → defaults
 *   const { rows, total } = await listVendors(actor, query);       // where + orderBy + skip/take from query
 *   return <VendorsTable rows={rows} total={total} state={query} />;
 *
 *   // components/vendors/vendors-table.tsx ("use client": columns hold functions, so they live client-side)
 *   const columns: Array<DataTableColumn<VendorRow>> = [
 *     { id: "name", accessorKey: "name", header: "Vendor" },                  // sortable (has an accessor)
 *     { id: "website", accessorKey: "website", header: "Website", enableSorting: false },
 *     { id: "updatedAt", accessorKey: "updatedAt", header: "Updated", sortDescFirst: true,
 *       cell: ({ row }) => row.original.updatedAt.slice(0, 10), meta: { className: "text-right" } },
 *   ];
 *   <DataTable columns={columns} rows={rows} total={total} state={state} defaultSort={{ id: "name", desc: false }}
 *              caption="Vendors" emptyMessage="No vendors yet." searchLabel="Search vendors" getRowId={(r) => r.id}
 *              rowHref={(r) => `/vendors/${r.id}`}
 *              filters={[{ id: "status", label: "Status", options: [{ value: "active", label: "Active" }, …] }]} />
 *
 * Column ids double as sort ids in the URL (`sort=-updatedAt`), so give sortable columns the id the
 * server's `sortable` list uses, and `enableSorting: false` to the rest (columns without an
 * accessor are never sortable). Filter ids are URL parameters and ListQueryOptions.filters keys.
 */
import {
  columnFilteringFeature,
  createColumnHelper,
  filterFn_arrIncludesSome,
  functionalUpdate,
  globalFilteringFeature,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnFiltersState,
  type PaginationState,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useId, useMemo, useState, type MouseEvent, type ReactNode } from "react";
import type { ListPageInfo, ListPageLink } from "@/lib/domain/list-pages";
import { MAX_SEARCH_LENGTH, PAGE_SIZES, type ListQuery, type ListSort } from "@/lib/validation/list-query";
import { ScrollRegion, STICKY_FIRST_CELL } from "@/components/ui/scroll-region";
import { FilterMenu, type DataTableFilter } from "./filter-menu";
import { Pagination } from "./pagination";
import { useListNavigation } from "./use-list-navigation";

export type { DataTableFilter } from "./filter-menu";

/** Per-column extras, set as a column def's `meta`. */
export interface DataTableColumnMeta {
  /** Classes for the column's header and body cells (e.g. "text-right w-32"). */
  className?: string;
}

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof features;
/** A column definition for DataTable: TanStack v9's ColumnDef bound to this table's features. */
export type DataTableColumn<Row extends RowData> = ColumnDef<DataTableFeatures, Row>;
/** TanStack's column helper bound to this table's features, for value-typed accessor columns. */
export const createDataTableColumnHelper = <Row extends RowData>() => createColumnHelper<DataTableFeatures, Row>();

export interface DataTableProps<Row extends RowData> {
  columns: Array<DataTableColumn<Row>>;
  /** The current page's rows only, already filtered, sorted and paginated by the server. */
  rows: Row[];
  /** How many rows match the current search and filters (all pages). */
  total: number;
  /** The parsed URL state (parseListQuery / listQuerySchema), the one the rows were queried with. */
  state: ListQuery;
  /** The list's default sort (ListQueryOptions.defaultSort): needed to write "no sort" into the URL. */
  defaultSort?: ListSort | null;
  filters?: DataTableFilter[];
  /** The table's accessible name (a visually hidden caption). */
  caption: string;
  /** Shown when the list is empty and no search or filter is active. */
  emptyMessage: ReactNode;
  /** Visible label of the search box. Default "Search". */
  searchLabel?: string;
  searchPlaceholder?: string;
  /** Hide the search box for lists the server cannot search. Default true. */
  searchable?: boolean;
  getRowId: (row: Row) => string;
  /** Makes rows navigable: the first cell links there and a click anywhere on the row follows it. */
  rowHref?: (row: Row) => string;
  /**
   * Keyset lists (ListQueryOptions.keyset): the server's page links and capped total
   * (lib/domain/list-pages.ts). First/Previous/Next/Last then follow these links (cursors past
   * the first pages) instead of computing page numbers from the total.
   */
  pages?: ListPageInfo;
}

const SEARCH_DEBOUNCE_MS = 300;

const ariaSort = (sorted: false | "asc" | "desc") => (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none");

const normaliseSearch = (value: string) => value.trim().slice(0, MAX_SEARCH_LENGTH).trim();

/** Clicks on these inside a navigable row do their own thing rather than open the row. */
const INTERACTIVE = "a, button, input, select, textarea, label, summary, [role='button'], [role='link'], [role='checkbox']";

export function DataTable<Row extends RowData>({
  columns,
  rows,
  total,
  state,
  defaultSort = null,
  filters = [],
  caption,
  emptyMessage,
  searchLabel = "Search",
  searchPlaceholder,
  searchable = true,
  getRowId,
  rowHref,
  pages,
}: DataTableProps<Row>) {
  const router = useRouter();
  const searchId = useId();
  const filterIds = filters.map((f) => f.id);
  const { view, pending, navigate } = useListNavigation(state, { defaultSort, filterIds });

  // The URL state in TanStack's shapes. Memoised on `view` so the table sees stable slices.
  const tableState = useMemo(
    () => ({
      sorting: (view.sort ? [{ id: view.sort.id, desc: view.sort.desc }] : []) satisfies SortingState,
      pagination: { pageIndex: Math.max(view.page, 1) - 1, pageSize: view.pageSize } satisfies PaginationState,
      columnFilters: Object.entries(view.filters).map(([id, value]) => ({ id, value })) satisfies ColumnFiltersState,
      globalFilter: view.q,
    }),
    [view],
  );

  const pageCountFor = (pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

  // Controlled state + on*Change for every slice: TanStack computes the next state (sort cycle,
  // page moves), and we turn it into a URL instead of storing it.
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => getRowId(row),
    // Filter values are arrays of allowed values; naming the filter function keeps TanStack from
    // sampling rows to guess one (filtering itself is manual: the server does it).
    defaultColumn: { filterFn: filterFn_arrIncludesSome },
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: true,
    // asc → desc → none (a column can opt into desc first with `sortDescFirst: true`).
    sortDescFirst: false,
    state: tableState,
    onSortingChange: (updater) => {
      const [first] = functionalUpdate(updater, tableState.sorting);
      navigate({ sort: first ? { id: first.id, desc: first.desc } : null, page: 1 });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, tableState.pagination);
      if (pages) {
        // Page moves go through the server's links; only a new page size arrives here.
        if (next.pageSize !== view.pageSize) navigate({ page: 1, pageSize: next.pageSize, cursor: null });
        return;
      }
      const page = Math.min(Math.max(next.pageIndex, 0), pageCountFor(next.pageSize) - 1) + 1;
      navigate({ page, pageSize: next.pageSize });
    },
    onColumnFiltersChange: (updater) => {
      const next = functionalUpdate(updater, tableState.columnFilters);
      const order = (id: string) => (filterIds.includes(id) ? filterIds.indexOf(id) : filterIds.length);
      const active = next
        .map(({ id, value }) => [id, Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []] as const)
        .filter(([, values]) => values.length > 0)
        .sort(([a], [b]) => order(a) - order(b));
      navigate({ filters: Object.fromEntries(active), page: 1 });
    },
    onGlobalFilterChange: (updater) => {
      const next: unknown = functionalUpdate(updater, tableState.globalFilter);
      navigate({ q: typeof next === "string" ? normaliseSearch(next) : "", page: 1 });
    },
  });

  const setFilter = (filter: DataTableFilter, values: string[]) => {
    // In the options' order, so the same view always has the same URL.
    const ordered = filter.options.map((o) => o.value).filter((v) => values.includes(v));
    table.setColumnFilters((old) => {
      const rest = old.filter((f) => f.id !== filter.id);
      return ordered.length ? [...rest, { id: filter.id, value: ordered }] : rest;
    });
  };

  // Search: the box is local state, committed to the URL 300 ms after typing stops (or on Enter).
  const [search, setSearch] = useState(state.q);
  const [syncedQ, setSyncedQ] = useState(state.q);
  const [sentQ, setSentQ] = useState<string | null>(null);
  if (state.q !== syncedQ) {
    // The URL's search changed. If it is the one we sent, leave the box alone (the user may have
    // typed on); otherwise (back button, a link, Clear) show it in the box.
    setSyncedQ(state.q);
    if (state.q === sentQ) setSentQ(null);
    else if (!pending) setSearch(state.q);
  }

  const commitSearch = (value: string) => {
    const q = normaliseSearch(value);
    if (q === view.q) return;
    setSentQ(q);
    table.setGlobalFilter(q);
  };
  const onSearchPaused = useEffectEvent((value: string) => commitSearch(value));
  useEffect(() => {
    const timer = setTimeout(() => onSearchPaused(search), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const clearAll = () => {
    setSearch("");
    navigate({ q: "", filters: {}, page: 1 });
  };

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, href: string) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
    if (window.getSelection()?.toString()) return; // selecting text is not a click
    router.push(href);
  };

  const viewFiltered = view.q !== "" || Object.keys(view.filters).length > 0;
  // The rows belong to `state` (what the server rendered), not to the pending `view`.
  const rowsFiltered = state.q !== "" || Object.keys(state.filters).length > 0;
  const leafColumnCount = table.getAllLeafColumns().length;
  const pageCount = pageCountFor(view.pageSize);
  const from = pages ? (rows.length && pages.from !== null ? pages.from : 0) : rows.length ? (state.page - 1) * state.pageSize + 1 : 0;
  const to = rows.length ? from + rows.length - 1 : 0;
  const go = (link: ListPageLink | null) => link && navigate({ page: link.page, cursor: link.cursor });

  return (
    <div className="space-y-3">
      {searchable || filters.length ? (
        <div className="flex flex-wrap items-end gap-3">
          {searchable ? (
            <form
              role="search"
              aria-label={caption}
              onSubmit={(e) => {
                e.preventDefault();
                commitSearch(search);
              }}
            >
              <label className="mb-1 block text-xs font-medium text-slate-600" htmlFor={searchId}>
                {searchLabel}
              </label>
              <input
                id={searchId}
                type="search"
                value={search}
                maxLength={MAX_SEARCH_LENGTH}
                onChange={(e) => setSearch(e.target.value)}
                placeholder={searchPlaceholder ?? "Type to search…"}
                autoComplete="off"
                className="block w-64 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 focus:border-brand-600"
              />
            </form>
          ) : null}
          {filters.map((filter) => (
            <FilterMenu key={filter.id} filter={filter} selected={view.filters[filter.id] ?? []} onChange={(values) => setFilter(filter, values)} />
          ))}
          {viewFiltered ? (
            <button type="button" className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50" onClick={clearAll}>
              Clear filters
            </button>
          ) : null}
        </div>
      ) : null}

      <ScrollRegion label={caption} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <table aria-busy={pending} className={`w-full text-left text-sm transition-opacity ${pending ? "opacity-60" : ""}`}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header, index) => {
                  const column = header.column;
                  const canSort = column.getCanSort();
                  const sorted = column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                      aria-sort={canSort ? ariaSort(sorted) : undefined}
                      className={`px-3 py-2 font-medium ${index === 0 ? `${STICKY_FIRST_CELL} bg-slate-50` : ""} ${column.columnDef.meta?.className ?? ""}`}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 uppercase tracking-wide hover:bg-slate-200/60 hover:text-slate-800"
                          onClick={column.getToggleSortingHandler()}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className={sorted ? "text-slate-700" : "text-slate-300"}>
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={leafColumnCount} className="px-3 py-10 text-center text-slate-600">
                  {total > 0 ? (
                    <>
                      <p>This page is past the end of the list.</p>
                      {pages ? (
                        <button type="button" className="mt-2 text-sm font-medium text-brand-700 hover:underline" onClick={() => go(pages.first ?? { page: 1, cursor: null })}>
                          Go to the first page
                        </button>
                      ) : (
                        <button type="button" className="mt-2 text-sm font-medium text-brand-700 hover:underline" onClick={() => navigate({ page: pageCountFor(state.pageSize) })}>
                          Go to the last page
                        </button>
                      )}
                    </>
                  ) : rowsFiltered ? (
                    <>
                      <p>No results match these filters.</p>
                      <button type="button" className="mt-2 text-sm font-medium text-brand-700 hover:underline" onClick={clearAll}>
                        Clear all filters
                      </button>
                    </>
                  ) : (
                    emptyMessage
                  )}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => {
                const href = rowHref?.(row.original);
                return (
                  <tr
                    key={row.id}
                    onClick={href ? (e) => onRowClick(e, href) : undefined}
                    className={`group border-t border-slate-100 hover:bg-slate-50 ${href ? "cursor-pointer focus-within:bg-slate-50" : ""}`}
                  >
                    {row.getAllCells().map((cell, index) => (
                      <td key={cell.id} className={`px-3 py-2 align-top ${index === 0 ? `${STICKY_FIRST_CELL} bg-white group-hover:bg-slate-50` : ""} ${cell.column.columnDef.meta?.className ?? ""}`}>
                        {href && index === 0 ? (
                          <Link href={href} className="font-medium text-brand-700 hover:underline">
                            <table.FlexRender cell={cell} />
                          </Link>
                        ) : (
                          <table.FlexRender cell={cell} />
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </ScrollRegion>

      {pages ? (
        <Pagination
          label={`${caption} pages`}
          from={from}
          to={to}
          shown={rows.length}
          total={pages.total}
          totalCapped={pages.totalCapped}
          page={pending ? view.page : pages.page}
          pageCount={pages.totalCapped ? 0 : pageCount}
          pageSize={view.pageSize}
          pageSizes={PAGE_SIZES}
          canPrevious={pages.previous !== null}
          canNext={pages.next !== null}
          onFirst={() => go(pages.first)}
          onPrevious={() => go(pages.previous)}
          onNext={() => go(pages.next)}
          onLast={() => go(pages.last)}
          onPageSize={(size) => table.setPageSize(size)}
        />
      ) : (
        <Pagination
          label={`${caption} pages`}
          from={from}
          to={to}
          total={total}
          page={view.page}
          pageCount={pageCount}
          pageSize={view.pageSize}
          pageSizes={PAGE_SIZES}
          canPrevious={table.getCanPreviousPage()}
          canNext={table.getCanNextPage()}
          onFirst={() => table.firstPage()}
          onPrevious={() => table.previousPage()}
          onNext={() => table.nextPage()}
          onLast={() => table.lastPage()}
          onPageSize={(size) => table.setPageSize(size)}
        />
      )}
    </div>
  );
}
