"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export interface PendingAnswer {
  questionKey: string;
  value?: unknown;
  comment?: string | null;
}

export type SaveStatus = { kind: "idle" | "saving" | "saved"; at?: Date } | { kind: "offline"; pending: number } | { kind: "error"; message: string; questionKey: string };

/**
 * Saves answers as they change: one request per question (so two tabs editing different
 * questions never clash), newest value wins, and anything that fails for want of a connection is
 * kept — in memory and in localStorage — and retried until it goes through.
 */
export function useAutosave<T extends { savedAt: string }>(
  assessmentId: string,
  save: (raw: unknown) => Promise<ActionResult<T>>,
  onRestore: (items: PendingAnswer[]) => void,
  onSaved?: (data: T) => void,
) {
  const storageKey = `vetta:assessment:${assessmentId}:pending`;
  const pending = useRef(new Map<string, PendingAnswer>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const persist = useCallback(() => {
    try {
      if (pending.current.size) localStorage.setItem(storageKey, JSON.stringify([...pending.current.values()]));
      else localStorage.removeItem(storageKey);
    } catch {
      // Private mode or a full quota: the in-memory queue still retries.
    }
  }, [storageKey]);

  const flush = useCallback(
    async (questionKey: string) => {
      const item = pending.current.get(questionKey);
      if (!item) return;
      setStatus({ kind: "saving" });
      let result: ActionResult<T>;
      try {
        result = await save({ assessmentId, ...item });
      } catch {
        setStatus({ kind: "offline", pending: pending.current.size });
        persist();
        return;
      }
      if (pending.current.get(questionKey) === item) pending.current.delete(questionKey);
      persist();
      if (result.ok) {
        setErrors((e) => {
          const { [questionKey]: _gone, ...rest } = e;
          return rest;
        });
        setStatus({ kind: "saved", at: new Date(result.data.savedAt) });
        onSaved?.(result.data);
      } else {
        const message = result.fieldErrors?.[questionKey] ?? result.error;
        setErrors((e) => ({ ...e, [questionKey]: message }));
        setStatus({ kind: "error", message, questionKey });
      }
    },
    [assessmentId, persist, save, onSaved],
  );

  const queue = useCallback(
    (answer: PendingAnswer, delayMs: number) => {
      const previous = pending.current.get(answer.questionKey);
      pending.current.set(answer.questionKey, { ...previous, ...answer });
      persist();
      clearTimeout(timers.current.get(answer.questionKey));
      timers.current.set(answer.questionKey, setTimeout(() => void flush(answer.questionKey), delayMs));
    },
    [flush, persist],
  );

  const flushAll = useCallback(async () => {
    for (const key of [...pending.current.keys()]) {
      clearTimeout(timers.current.get(key));
      await flush(key);
    }
    return pending.current.size === 0;
  }, [flush]);

  // Anything left from a lost connection or a closed tab is sent again, and retried while offline.
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? "[]") as PendingAnswer[];
      for (const item of saved) pending.current.set(item.questionKey, item);
      if (saved.length) onRestore(saved);
    } catch {
      // Nothing usable stored.
    }
    const retry = setInterval(() => {
      if (pending.current.size && navigator.onLine !== false) void flushAll();
    }, 3000);
    const online = () => void flushAll();
    window.addEventListener("online", online);
    return () => {
      clearInterval(retry);
      window.removeEventListener("online", online);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore once per assessment; onRestore is a fresh closure each render
  }, [flushAll, storageKey]);

  return { queue, flushAll, status, errors, pendingKeys: () => [...pending.current.keys()] };
}
