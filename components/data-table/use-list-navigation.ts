"use client";

import { usePathname, useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import type { ListQuery, ListSort } from "@/lib/validation/list-query";
import { listHref } from "./list-href";

export interface ListNavigation {
  /** The state to show in the controls: the server's, or the one being loaded while `pending`. */
  view: ListQuery;
  /** True from a change until the server has rendered the new page. */
  pending: boolean;
  /** Replace the URL with the current view plus `patch` (no scroll, no history entry per click). */
  navigate: (patch: Partial<ListQuery>) => void;
}

/**
 * Moves a server-rendered list to a new state by rewriting the URL: the page (a server
 * component) re-renders with the new searchParams. Controls read `view`, which shows the
 * requested state at once (useOptimistic) and falls back to the server's when it lands.
 */
export function useListNavigation(state: ListQuery, { defaultSort = null, filterIds = [] }: { defaultSort?: ListSort | null; filterIds?: readonly string[] } = {}): ListNavigation {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [view, setView] = useOptimistic(state);

  const navigate = (patch: Partial<ListQuery>) => {
    // A cursor belongs to the page it was made on: any change that does not name one drops it.
    const next: ListQuery = { ...view, cursor: null, ...patch };
    // Read at event time, not render time: parameters the list does not own are kept.
    const href = listHref(pathname, next, { defaultSort, filterIds, current: new URLSearchParams(window.location.search) });
    if (href === `${window.location.pathname}${window.location.search}`) return;
    startTransition(() => {
      setView(next);
      router.replace(href, { scroll: false });
    });
  };

  return { view, pending, navigate };
}
