"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export interface BellItem {
  id: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/**
 * The notification bell: unread count on the button, the latest notifications in a panel. The
 * button is a disclosure (aria-expanded); Escape closes the panel and returns focus; opening it
 * refetches so the list is current. Following a notification marks it read.
 */
export function NotificationBell({
  initial,
  markRead,
}: {
  initial: { unread: number; items: BellItem[] };
  markRead: (raw: unknown) => Promise<ActionResult<number>>;
}) {
  const router = useRouter();
  const [data, setData] = useState(initial);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // A server refresh (router.refresh) brings new initial data: adopt it (React's "adjust state on prop change").
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setData(initial);
  }

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      const res = await fetch("/api/notifications", { cache: "no-store" });
      if (res.ok) setData((await res.json()) as typeof initial);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const mark = async (id: string) => {
    const result = await markRead({ id });
    if (result.ok && result.data > 0) {
      setData((d) => ({
        unread: id === "all" ? 0 : Math.max(0, d.unread - result.data),
        items: d.items.map((n) => (id === "all" || n.id === id ? { ...n, readAt: n.readAt ?? new Date().toISOString() } : n)),
      }));
      router.refresh();
    }
  };

  const label = data.unread === 0 ? "Notifications, none unread" : `Notifications, ${data.unread} unread`;
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        className="relative rounded-md p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
        onClick={() => {
          const next = !open;
          setOpen(next);
          if (next) void refresh();
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {data.unread > 0 ? (
          <span data-testid="notification-unread" className="absolute -right-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[0.65rem] font-bold leading-[1.1rem] text-white">
            {data.unread > 99 ? "99+" : data.unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div id={panelId} role="region" aria-label="Notifications" className="absolute right-0 z-20 mt-2 w-96 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <p className="text-sm font-semibold text-slate-800">Notifications</p>
            {data.unread > 0 ? (
              <button type="button" className="text-xs font-medium text-brand-700 hover:underline" onClick={() => void mark("all")}>
                Mark all read
              </button>
            ) : null}
          </div>
          {data.items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-500">{loading ? "Loading…" : "No notifications yet. Renewal reminders arrive here."}</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto" aria-busy={loading}>
              {data.items.map((n) => (
                <li key={n.id} className={`px-3 py-2 ${n.readAt ? "" : "bg-brand-50/60"}`} data-testid="notification-item">
                  <div className="flex items-start justify-between gap-2">
                    {n.link ? (
                      <Link
                        href={n.link}
                        className="text-sm font-medium text-slate-900 hover:underline"
                        onClick={() => {
                          setOpen(false);
                          if (!n.readAt) void mark(n.id);
                        }}
                      >
                        {n.title}
                      </Link>
                    ) : (
                      <p className="text-sm font-medium text-slate-900">{n.title}</p>
                    )}
                    {n.readAt ? null : (
                      <button type="button" className="shrink-0 text-xs text-brand-700 hover:underline" onClick={() => void mark(n.id)} aria-label={`Mark read: ${n.title}`}>
                        Mark read
                      </button>
                    )}
                  </div>
                  <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{n.body}</p>
                  <p className="mt-0.5 text-[0.7rem] text-slate-600">
                    {n.readAt ? "" : <span className="sr-only">Unread. </span>}
                    {n.createdAt.slice(0, 16).replace("T", " ")} UTC
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
