"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

/** The parts of one question's answer an edit changed: `value` and/or `comment` (absent = untouched). */
export interface PendingAnswer {
  questionKey: string;
  value?: unknown;
  comment?: string | null;
}

/**
 * What the status line says. "saved" only once the server confirmed every edit: while anything
 * is waiting (debounce), in flight or refused, the status says so instead.
 */
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending"; count: number }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline"; pending: number }
  | { kind: "error"; message: string; questionKey: string };

/** keepalive requests share a 64 KiB budget per page; stay under it per request. */
const KEEPALIVE_BYTES = 60_000;

/**
 * Saves answers as they change: one request per question (so two tabs editing different
 * questions never clash; one question's saves go one at a time, in order), each carrying only the
 * parts that changed. Anything that fails for want of a connection is kept — in memory and in
 * localStorage — and retried until it goes through. When the page is left (navigation, a link,
 * the tab hidden or closed) whatever is still waiting goes out at once in a keepalive request to
 * POST /api/assessments/[id]/answers, which outlives the page.
 */
export function useAutosave<T extends { savedAt: string }>(
  assessmentId: string,
  save: (raw: unknown) => Promise<ActionResult<T>>,
  onRestore: (items: PendingAnswer[]) => void,
  onSaved?: (data: T) => void,
  /** Where a leaving page sends what is still waiting (the vendor's link has its own route). */
  options: { leaveUrl?: string } = {},
) {
  const storageKey = `vetta:assessment:${assessmentId}:pending`;
  const pending = useRef(new Map<string, PendingAnswer>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const sending = useRef(new Map<string, Promise<void>>());
  const offline = useRef(false);
  const lastSaved = useRef<Date | null>(null);
  const errorsRef = useRef<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const refresh = useCallback(() => {
    const [errorKey] = Object.keys(errorsRef.current);
    let next: SaveStatus;
    if (sending.current.size) next = { kind: "saving" };
    else if (errorKey) next = { kind: "error", message: errorsRef.current[errorKey]!, questionKey: errorKey };
    else if (pending.current.size) next = offline.current ? { kind: "offline", pending: pending.current.size } : { kind: "pending", count: pending.current.size };
    else next = lastSaved.current ? { kind: "saved", at: lastSaved.current } : { kind: "idle" };
    setStatus(next);
    setErrors({ ...errorsRef.current });
  }, []);

  const persist = useCallback(() => {
    try {
      if (pending.current.size) localStorage.setItem(storageKey, JSON.stringify([...pending.current.values()]));
      else localStorage.removeItem(storageKey);
    } catch {
      // Private mode or a full quota: the in-memory queue still retries.
    }
  }, [storageKey]);

  /** Sends one question's waiting parts now; resolves once the server answered (or the network failed). */
  const flush = useCallback(
    async (questionKey: string): Promise<void> => {
      clearTimeout(timers.current.get(questionKey));
      timers.current.delete(questionKey);
      // One request per question at a time, so an older save can never land after a newer one.
      for (let running = sending.current.get(questionKey); running; running = sending.current.get(questionKey)) await running;
      const item = pending.current.get(questionKey);
      if (!item) return;
      const run = (async () => {
        let result: ActionResult<T> | null = null;
        try {
          result = await save({ assessmentId, ...item });
          offline.current = false;
        } catch {
          offline.current = true;
        }
        sending.current.delete(questionKey);
        if (!result) return;
        if (result.ok) {
          if (pending.current.get(questionKey) === item) pending.current.delete(questionKey);
          delete errorsRef.current[questionKey];
          lastSaved.current = new Date(result.data.savedAt);
          onSaved?.(result.data);
        } else {
          const fieldMessage = result.fieldErrors?.[questionKey];
          // A refused value will be refused again: drop it and show why. Anything else (session
          // ended, server trouble) keeps the edit for the retry.
          if (fieldMessage && pending.current.get(questionKey) === item) pending.current.delete(questionKey);
          errorsRef.current[questionKey] = fieldMessage ?? result.error;
        }
      })().finally(() => {
        persist();
        refresh();
      });
      sending.current.set(questionKey, run);
      refresh();
      await run;
    },
    [assessmentId, persist, refresh, save, onSaved],
  );

  const queue = useCallback(
    (answer: PendingAnswer, delayMs: number) => {
      const previous = pending.current.get(answer.questionKey);
      pending.current.set(answer.questionKey, { ...previous, ...answer });
      persist();
      clearTimeout(timers.current.get(answer.questionKey));
      timers.current.set(answer.questionKey, setTimeout(() => void flush(answer.questionKey), delayMs));
      refresh();
    },
    [flush, persist, refresh],
  );

  /** Sends everything waiting and waits for the answers; true when nothing is left unsaved. */
  const flushAll = useCallback(async () => {
    await Promise.all([...pending.current.keys()].map((key) => flush(key)));
    return pending.current.size === 0 && Object.keys(errorsRef.current).length === 0;
  }, [flush]);

  /**
   * The page is going away (or may be: hidden tabs get discarded). Send everything waiting in
   * requests the browser completes even after the page is gone. The edits stay queued (and in
   * localStorage) until a response confirms them, so a lost request is retried on the next visit.
   */
  const sendBeforeLeaving = useCallback(() => {
    const items = [...pending.current.values()];
    if (!items.length) return;
    for (const key of items.map((i) => i.questionKey)) {
      clearTimeout(timers.current.get(key));
      timers.current.delete(key);
    }
    const url = options.leaveUrl ?? `/api/assessments/${encodeURIComponent(assessmentId)}/answers`;
    const batches: PendingAnswer[][] = [[]];
    for (const item of items) {
      const last = batches[batches.length - 1]!;
      if (last.length && JSON.stringify({ answers: [...last, item] }).length > KEEPALIVE_BYTES) batches.push([item]);
      else last.push(item);
    }
    for (const batch of batches) {
      const body = JSON.stringify({ answers: batch });
      let sent: Promise<Response>;
      try {
        sent = fetch(url, { method: "POST", keepalive: body.length <= KEEPALIVE_BYTES, credentials: "same-origin", headers: { "Content-Type": "application/json" }, body });
      } catch {
        navigator.sendBeacon?.(url, new Blob([body], { type: "text/plain" }));
        continue;
      }
      // Still here (tab hidden, in-app navigation): the queue learns what was confirmed.
      void sent
        .then(async (res) => {
          if (!res.ok) return;
          const data = (await res.json()) as { savedAt: string };
          for (const item of batch) if (pending.current.get(item.questionKey) === item) pending.current.delete(item.questionKey);
          lastSaved.current = new Date(data.savedAt);
          persist();
          refresh();
        })
        .catch(() => undefined);
    }
  }, [assessmentId, persist, refresh, options.leaveUrl]);

  // Anything left from a lost connection or a closed tab is sent again, and retried while offline.
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? "[]") as PendingAnswer[];
      for (const item of saved) pending.current.set(item.questionKey, item);
      if (saved.length) {
        onRestore(saved);
        refresh();
      }
    } catch {
      // Nothing usable stored.
    }
    const retry = setInterval(() => {
      const waiting = [...pending.current.keys()].filter((k) => !timers.current.has(k) && !sending.current.has(k));
      if (waiting.length && navigator.onLine !== false) for (const key of waiting) void flush(key);
    }, 3000);
    const online = () => void flushAll();
    window.addEventListener("online", online);
    return () => {
      clearInterval(retry);
      window.removeEventListener("online", online);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore once per assessment; onRestore is a fresh closure each render
  }, [flushAll, storageKey]);

  // Leaving: tab closed or hidden, a link followed, or an in-app navigation unmounting the filler.
  useEffect(() => {
    const onHide = () => sendBeforeLeaving();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") sendBeforeLeaving();
    };
    const onLinkClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest("a[href]")) sendBeforeLeaving();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    document.addEventListener("click", onLinkClick, true);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      document.removeEventListener("click", onLinkClick, true);
      sendBeforeLeaving();
    };
  }, [sendBeforeLeaving]);

  return { queue, flush, flushAll, status, errors, pendingKeys: () => [...pending.current.keys()] };
}
