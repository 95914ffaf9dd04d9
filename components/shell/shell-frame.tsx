"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The signed-in frame. From 1024 px the navigation is a column beside the page; below that it is a
 * drawer behind a Menu button (a disclosure: aria-expanded, aria-controls). While the drawer is
 * open it is a modal dialog: focus moves into it and Tab cycles inside, the page behind is inert,
 * Escape or the backdrop closes it and returns focus to the button, and following a link closes it.
 */
export function ShellFrame({ sidebar, bell, children }: { sidebar: ReactNode; bell?: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const drawerId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);

  // A new page closes the drawer (React's "adjust state on prop change").
  const pathname = usePathname();
  const [seenPath, setSeenPath] = useState(pathname);
  if (seenPath !== pathname) {
    setSeenPath(pathname);
    setOpen(false);
  }

  // The button sits in the part of the page that is inert while the drawer is open, so focus can
  // only return to it once the closed state has rendered: the effect below does it.
  const returnFocus = useRef(false);
  const close = useCallback((refocus: boolean) => {
    returnFocus.current = refocus;
    setOpen(false);
  }, []);

  useEffect(() => {
    if (!open) {
      if (returnFocus.current) menuButton.current?.focus();
      returnFocus.current = false;
      return;
    }
    panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    // Widening the window past the breakpoint turns the drawer back into the column.
    const wide = window.matchMedia("(min-width: 1024px)");
    const onWide = () => {
      if (wide.matches) setOpen(false);
    };
    wide.addEventListener("change", onWide);
    return () => wide.removeEventListener("change", onWide);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!open) return;
    if (event.key === "Escape") {
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key !== "Tab" || !panel.current) return;
    const items = Array.from(panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      {open ? <div aria-hidden="true" className="fixed inset-0 z-30 bg-black/50 lg:hidden" onClick={() => close(true)} /> : null}
      <aside
        id={drawerId}
        ref={panel}
        onKeyDown={onKeyDown}
        onClick={(event) => {
          // Following a link, even to the page already open, closes the drawer.
          if (open && event.target instanceof Element && event.target.closest("a")) setOpen(false);
        }}
        {...(open ? { role: "dialog", "aria-modal": true, "aria-label": "Menu" } : {})}
        data-testid="app-nav"
        className={`${open ? "fixed inset-y-0 left-0 z-40 flex w-72 max-w-[85vw] overflow-y-auto shadow-xl" : "hidden"} shrink-0 flex-col border-r border-slate-200 bg-white lg:static lg:z-auto lg:flex lg:w-60 lg:max-w-none lg:shadow-none`}
      >
        <div className="flex justify-end px-2 pt-2 lg:hidden">
          <button type="button" onClick={() => close(true)} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Close menu
          </button>
        </div>
        {sidebar}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col" inert={open}>
        <div className={`flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-1.5 lg:px-8 ${bell ? "" : "lg:hidden"}`}>
          <button
            ref={menuButton}
            type="button"
            aria-expanded={open}
            aria-controls={drawerId}
            onClick={() => setOpen(true)}
            data-testid="menu-button"
            className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 lg:hidden"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
            Menu
          </button>
          <p className="font-semibold text-brand-900 lg:hidden">Vetta</p>
          <div className="ml-auto">{bell}</div>
        </div>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
