"use client";

/**
 * A server-driven table: the page (a server component) parses the URL with parseListQuery,
 * queries one page of rows, and passes rows + total + state here. Every control (sort, search,
 * filters, page, page size) only rewrites the URL; the server re-renders with the new state, so
 * a view can be bookmarked and shared, and 10,000 rows cost the same as 10.
 *
 *   <DataTable columns={columns} rows={rows} total={total} state={query} defaultSort={{ id: "name", desc: false }}
 *              filters={[{ id: "tier", label: "Tier", options: [...] }]} caption="Vendors" emptyMessage="No vendors yet." />
 */
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type SortingState } from "@tanstack/react-table";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { PAGE_SIZES, toSearchParams, type ListQuery } from "@/lib/validation/list-query";
import { Pagination } from "./pagination";
import { FilterMenu, type FilterDef } from "./filter-menu";

const features = tableFeatures({ rowSortingFeature });
export type DataTableColumn<Row extends RowData> = ColumnDef<typeof features, Row>;

export function DataTable<Row extends RowData>({
  columns,
  rows,
  total,
  state,
  defaultSort,
  filters = [],
  caption,
  emptyMessage,
  searchLabel = "Search",
  getRowId,
}: {
  columns: Array<DataTableColumn<Row>>;
  rows: Row[];
  total: number;
  state: ListQuery;
  defaultSort: { id: string; desc: boolean } | null;
  filters?: FilterDef[];
  caption: string;
  emptyMessage: string;
  searchLabel?: string;
  getRowId: (row: Row) => string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState(state.q);

  const navigate = (next: Partial<ListQuery>) => {
    const params = toSearchParams({ ...state, ...next }, { defaultSort });
    const query = params.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  // Debounced search: typing pauses for 300 ms, then the first page of results loads.
  useEffect(() => {
    if (search.trim() === state.q) return;
    const timer = setTimeout(() => navigate({ q: search.trim(), page: 1 }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- navigate is rebuilt every render; the state it reads is what we key on
  }, [search, state.q]);

  const sorting: SortingState = state.sort ? [{ id: state.sort.id, desc: state.sort.desc }] : [];
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row: Row) => getRowId(row),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: true,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      navigate({ sort: first ? { id: first.id, desc: first.desc } : null, page: 1 });
    },
  });

  const filtered = state.q !== "" || Object.keys(state.filters).length > 0;
  const pageCount = Math.max(1, Math.ceil(total / state.pageSize));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            navigate({ q: search.trim(), page: 1 });
          }}
        >
          <label className="mb-1 block text-xs font-medium text-slate-600" htmlFor="table-search">
            {searchLabel}
          </label>
          <input
            id="table-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
            placeholder="Type to search…"
          />
        </form>
        {filters.map((filter) => (
          <FilterMenu
            key={filter.id}
            filter={filter}
            selected={state.filters[filter.id] ?? []}
            onChange={(values) => navigate({ filters: { ...state.filters, [filter.id]: values }, page: 1 })}
          />
        ))}
        {filtered ? (
          <button
            type="button"
            className="rounded-md px-2 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
            onClick={() => {
              setSearch("");
              navigate({ q: "", filters: {}, page: 1 });
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>

      <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm transition-opacity ${pending ? "opacity-60" : ""}`} aria-busy={pending}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th key={header.id} scope="col" className="px-3 py-2" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined}>
                      {canSort ? (
                        <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-800" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
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
                <td colSpan={columns.length} className="px-3 py-10 text-center text-slate-600">
                  {filtered ? "No results match these filters." : emptyMessage}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 hover:bg-slate-50">
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-top">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <Pagination
        page={Math.min(state.page, pageCount)}
        pageCount={pageCount}
        pageSize={state.pageSize}
        pageSizes={PAGE_SIZES}
        total={total}
        onPage={(page) => navigate({ page })}
        onPageSize={(pageSize) => navigate({ pageSize, page: 1 })}
      />
    </div>
  );
}
