"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * A thin bar across the top while the next page loads (navigations take most of a second).
 * It starts on a click on an in-app link and finishes when the address changes; a long wait
 * creeps towards, never reaches, the end. Deliberately tiny and dependency-free (first-load JS is
 * budgeted). Decorative: loading.tsx skeletons carry the announcement for screen readers.
 */
export function RouteProgress() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [progress, setProgress] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (!anchor || !anchor.href || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search)) return;
      // Downloads served by route handlers (PDFs, CSVs, files) never change the page.
      if (url.pathname.startsWith("/api/") || /\/(pdf|csv|download)$/.test(url.pathname)) return;
      if (timer.current) clearInterval(timer.current);
      setProgress(8);
      // A click some handler cancels never changes the address: give up after ~10 s.
      let ticks = 0;
      timer.current = setInterval(() => {
        ticks += 1;
        if (ticks > 50 && timer.current) clearInterval(timer.current);
        // Once finished (100) a late tick must not pull the bar back below 100, where it would stay.
        setProgress((p) => (p === null || ticks > 50 ? null : p >= 100 ? p : p + (90 - p) * 0.1));
      }, 200);
    };
    // Capture phase: next/link cancels the click (it navigates itself) before a bubbling listener would see it.
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  // The address changed: the new page is here. Finish the bar (React's "adjust state on prop
  // change", during render), then hide it shortly after.
  const address = `${pathname}?${search}`;
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    if (progress !== null) setProgress(100);
  }
  useEffect(() => {
    if (progress !== 100) return;
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    const done = setTimeout(() => setProgress(null), 250);
    return () => clearTimeout(done);
  }, [progress]);

  if (progress === null) return null;
  return (
    <div aria-hidden="true" data-testid="route-progress" className="pointer-events-none fixed inset-x-0 top-0 z-[60] h-0.5">
      <div className="h-full bg-brand-600 transition-[width] duration-200 ease-out motion-reduce:transition-none" style={{ width: `${progress}%` }} />
    </div>
  );
}
