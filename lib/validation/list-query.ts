import { z } from "zod";

/**
 * A list page's state as it lives in the URL (page, page size, sort, search, filters), so a view
 * can be bookmarked and shared:
 *
 *   /products?q=gpt&tier=CONSUMER&tier=BUSINESS&sort=-name&pageSize=50&page=3
 *
 * Parsing never fails: a bad or stale bookmark falls back to the default for each part that no
 * longer makes sense (an unknown sort column, a page size we do not offer, a filter value that was
 * renamed), and the rest of the view still applies.
 *
 * Server page:
 *
 *   const VENDOR_LIST = { sortable: ["name", "updatedAt"], defaultSort: { id: "name", desc: false },
 *                         filters: { status: ["active", "archived"] } } satisfies ListQueryOptions;
 *   const query = parseListQuery(await searchParams, VENDOR_LIST); // or listQuerySchema(VENDOR_LIST).parse(...)
 *   prisma.vendor.findMany({ skip: (query.page - 1) * query.pageSize, take: query.pageSize, ... })
 */

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;
/** Deep offsets are slow and nobody pages that far by hand; beyond this a bookmark opens page 1. */
export const MAX_PAGE = 100_000;
/**
 * Lists with `keyset: true` read pages up to this one by OFFSET (cheap: at most 19 pages skipped)
 * and every deeper page by a cursor (`cursor=a.…` rows after a key, `b.…` rows before one,
 * `last` the final page), so page 400 costs what page 1 costs. A deep `page=` without a cursor
 * (an old bookmark) opens page 1.
 */
export const MAX_OFFSET_PAGE = 20;
const CURSOR_PATTERN = /^(?:[ab]\.[A-Za-z0-9_-]{1,600}|last)$/;
export const MAX_SEARCH_LENGTH = 200;
/** The `sort` value meaning "no sort", so a list with a default sort can still be unsorted. */
export const NO_SORT = "none";
/** Parameter names the list itself uses; filter ids may not reuse them. */
export const LIST_PARAMS = ["page", "pageSize", "sort", "q", "cursor"] as const;

export interface ListSort {
  id: string;
  desc: boolean;
}

export interface ListQuery {
  /**
   * 1-based. With a cursor it only labels the page ("Page 401"); 0 = position unknown (the last
   * page of a list whose total is capped, and the pages reached backwards from it).
   */
  page: number;
  pageSize: number;
  sort: ListSort | null;
  /** Trimmed search text, "" for none. */
  q: string;
  /** Active filters only: every key is an allowed filter id with at least one allowed value, in the allowed order. */
  filters: Record<string, string[]>;
  /**
   * Keyset lists only (ListQueryOptions.keyset): `a.<key>` the page after a row's sort key,
   * `b.<key>` the page before it, `last` the final page; null/absent = by `page`. The key's
   * contents are the list's business (lib/db decodes and validates it; a bad one opens page 1).
   */
  cursor?: string | null;
}

export interface ListQueryOptions {
  /** Column ids the server knows how to order by. */
  sortable: readonly string[];
  /** The sort applied when the URL names none (default: none). */
  defaultSort?: ListSort | null;
  /** Filter id → the values it accepts. Each becomes a URL parameter of the same name. */
  filters?: Readonly<Record<string, readonly string[]>>;
  /** The server pages deep into this list by cursor (MAX_OFFSET_PAGE). */
  keyset?: boolean;
}

/** What Next passes as `searchParams` (awaited), or a URLSearchParams. */
export type SearchParamsInput = Readonly<Record<string, string | string[] | undefined>> | URLSearchParams;

/** Every parameter's values, keyed by name (null prototype: keys come from the URL). */
type ParamValues = Record<string, string[]>;

interface RawListParams {
  page: string | undefined;
  pageSize: string | undefined;
  sort: string | undefined;
  q: string | undefined;
  cursor: string | undefined;
  rawPage: string | undefined;
  filters: ParamValues;
}

function collectParams(input: unknown): RawListParams {
  const all: ParamValues = Object.create(null) as ParamValues;
  const add = (key: string, value: unknown) => {
    if (typeof value === "string") (all[key] ??= []).push(value);
  };
  if (input instanceof URLSearchParams) {
    input.forEach((value, key) => add(key, value));
  } else if (typeof input === "object" && input !== null) {
    for (const [key, value] of Object.entries(input)) {
      if (Array.isArray(value)) for (const v of value) add(key, v);
      else add(key, value);
    }
  }
  // For the single-valued parameters, the first occurrence wins.
  return { page: all.page?.[0], pageSize: all.pageSize?.[0], sort: all.sort?.[0], q: all.q?.[0], cursor: all.cursor?.[0], rawPage: all.page?.[0], filters: all };
}

export function defaultListQuery(options: Partial<ListQueryOptions> = {}): ListQuery {
  return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: options.defaultSort ? { ...options.defaultSort } : null, q: "", filters: {} };
}

function checkOptions(options: ListQueryOptions) {
  for (const id of options.sortable) {
    if (!id || id === NO_SORT || id.startsWith("-")) throw new Error(`listQuerySchema: "${id}" cannot be a sort id`);
  }
  for (const [id, values] of Object.entries(options.filters ?? {})) {
    if ((LIST_PARAMS as readonly string[]).includes(id)) throw new Error(`listQuerySchema: filter id "${id}" clashes with a list parameter`);
    for (const value of values) {
      if (!value || value.includes(",") || value !== value.trim()) throw new Error(`listQuerySchema: filter "${id}" has a value "${value}" that cannot round-trip through the URL`);
    }
  }
}

/**
 * A zod schema that turns Next's `searchParams` into a ListQuery. It never fails: each part
 * has its own fallback. Throws only when the options themselves are unusable (a programming
 * error, caught at import time).
 */
export function listQuerySchema(options: ListQueryOptions): z.ZodType<ListQuery, unknown> {
  checkOptions(options);
  const defaultSort = options.defaultSort ?? null;
  const fallbackSort = () => (defaultSort ? { ...defaultSort } : null);

  const page = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);
  const pageSize = z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_PAGE_SIZE);
  // `sort=name` ascending, `sort=-name` descending, `sort=none` unsorted; anything else → default.
  const sort = z
    .string()
    .trim()
    .transform((raw): ListSort | null => {
      if (raw === NO_SORT) return null;
      const desc = raw.startsWith("-");
      const id = desc ? raw.slice(1) : raw;
      return options.sortable.includes(id) ? { id, desc } : fallbackSort();
    })
    .catch(fallbackSort);
  // Slice then trim again so a cut never leaves trailing space (the value must survive a round trip).
  const q = z
    .string()
    .transform((s) => s.trim().slice(0, MAX_SEARCH_LENGTH).trim())
    .catch("");

  // `tier=CONSUMER&tier=BUSINESS` and `tier=CONSUMER,BUSINESS` both work. Unknown values are
  // dropped; the result is deduplicated and in the allowed order, so equal views parse equal.
  const filterShape: Record<string, z.ZodType<string[], unknown>> = {};
  for (const [id, allowed] of Object.entries(options.filters ?? {})) {
    filterShape[id] = z
      .array(z.string())
      .transform((values) => {
        const given = new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim()));
        return allowed.filter((value) => given.has(value));
      })
      .catch([]);
  }
  const filters = z
    .object(filterShape)
    .transform((byId) => Object.fromEntries(Object.entries(byId).filter(([, values]) => values.length > 0)))
    .catch({});

  const cursor = z.string().regex(CURSOR_PATTERN).nullable().catch(null);
  const base = z.object({ page, pageSize, sort, q, filters });
  if (!options.keyset) return z.preprocess(collectParams, base).catch(() => defaultListQuery(options));
  return z
    .preprocess(
      collectParams,
      base.extend({ cursor, rawPage: z.unknown() }).transform(({ rawPage, ...query }): ListQuery => {
        const withCursor = { ...query, cursor: query.cursor ?? null };
        // With a cursor, a missing page label means "position unknown"; without one, deep pages are not served by offset.
        if (withCursor.cursor) return rawPage === undefined ? { ...withCursor, page: 0 } : withCursor;
        return query.page > MAX_OFFSET_PAGE ? { ...withCursor, page: 1 } : withCursor;
      }),
    )
    .catch(() => ({ ...defaultListQuery(options), cursor: null }));
}

const schemas = new WeakMap<ListQueryOptions, z.ZodType<ListQuery, unknown>>();

/** `listQuerySchema(options).parse(params)`, reusing the schema built for the same options object. */
export function parseListQuery(params: SearchParamsInput | undefined, options: ListQueryOptions): ListQuery {
  let schema = schemas.get(options);
  if (!schema) {
    schema = listQuerySchema(options);
    schemas.set(options, schema);
  }
  return schema.parse(params);
}

/**
 * The URL parameters for a state, leaving out every part that equals its default, so the
 * default view is the bare path. Pass the list's `defaultSort` when it has one: a state with no
 * sort is then written `sort=none`.
 */
export function toSearchParams(state: ListQuery, options: Partial<ListQueryOptions> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [id, values] of Object.entries(state.filters)) for (const value of values) params.append(id, value);
  const defaultSort = options.defaultSort ?? null;
  const isDefaultSort = state.sort === null ? defaultSort === null : state.sort.id === defaultSort?.id && state.sort.desc === defaultSort.desc;
  if (!isDefaultSort) params.set("sort", state.sort ? `${state.sort.desc ? "-" : ""}${state.sort.id}` : NO_SORT);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(state.pageSize));
  if (state.cursor) {
    params.set("cursor", state.cursor);
    if (state.page > 0) params.set("page", String(state.page));
  } else if (state.page > 1) params.set("page", String(state.page));
  return params;
}
