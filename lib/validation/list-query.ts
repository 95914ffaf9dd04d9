import { z } from "zod";

/**
 * A list page's state as it lives in the URL (page, page size, sort, search, filters), so a
 * view can be bookmarked and shared. Parsing never fails: a bad or stale bookmark falls back to
 * the defaults for the parts that no longer make sense.
 */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export interface ListQuery {
  page: number;
  pageSize: number;
  sort: { id: string; desc: boolean } | null;
  q: string;
  filters: Record<string, string[]>;
}

export interface ListQueryOptions {
  sortable: readonly string[];
  defaultSort?: { id: string; desc: boolean } | null;
  filters?: Record<string, readonly string[]>;
}

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const all = (v: string | string[] | undefined) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean));

export function parseListQuery(params: RawParams, options: ListQueryOptions): ListQuery {
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(params.page) ?? 1);
  const pageSize = z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_PAGE_SIZE)
    .parse(first(params.pageSize) ?? DEFAULT_PAGE_SIZE);
  const rawSort = first(params.sort) ?? "";
  const sortId = rawSort.replace(/^-/, "");
  const sort =
    rawSort === "none" ? null : options.sortable.includes(sortId) ? { id: sortId, desc: rawSort.startsWith("-") } : (options.defaultSort ?? null);
  const q = (first(params.q) ?? "").trim().slice(0, 200);
  const filters: Record<string, string[]> = {};
  for (const [id, allowed] of Object.entries(options.filters ?? {})) {
    const values = [...new Set(all(params[id]).filter((v) => allowed.includes(v)))];
    if (values.length > 0) filters[id] = values;
  }
  return { page, pageSize, sort, q, filters };
}

/** The URL search string for a state, leaving out what equals the defaults. */
export function toSearchParams(state: ListQuery, options: Pick<ListQueryOptions, "defaultSort">): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [id, values] of Object.entries(state.filters)) if (values.length) params.set(id, values.join(","));
  const def = options.defaultSort ?? null;
  const sameSort = state.sort?.id === def?.id && state.sort?.desc === def?.desc;
  if (!sameSort) params.set("sort", state.sort ? `${state.sort.desc ? "-" : ""}${state.sort.id}` : "none");
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(state.pageSize));
  if (state.page > 1) params.set("page", String(state.page));
  return params;
}
