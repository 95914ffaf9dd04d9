import { LIST_PARAMS, toSearchParams, type ListQuery, type ListSort } from "@/lib/validation/list-query";

export interface ListHrefOptions {
  /** The list's default sort, so "no sort" is written `sort=none` and the default is left out. */
  defaultSort?: ListSort | null;
  /** The current URL's parameters: any the list does not own (e.g. `?tab=...`) are kept. */
  current?: URLSearchParams;
  /** Filter ids the list owns, besides those active in the state (so clearing one removes it). */
  filterIds?: readonly string[];
}

/** The URL (path + search) showing `state` on `pathname`. Pure, so it can be unit tested. */
export function listHref(pathname: string, state: ListQuery, { defaultSort = null, current, filterIds = [] }: ListHrefOptions = {}): string {
  const owned = new Set<string>([...LIST_PARAMS, ...filterIds, ...Object.keys(state.filters)]);
  const params = new URLSearchParams();
  current?.forEach((value, key) => {
    if (!owned.has(key)) params.append(key, value);
  });
  toSearchParams(state, { defaultSort }).forEach((value, key) => params.append(key, value));
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}
