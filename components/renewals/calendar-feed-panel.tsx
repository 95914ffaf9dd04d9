"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * Create, replace or revoke the caller's private feed URL. The URL is shown once, right after it
 * is made: Vetta keeps only a hash of its token and cannot show it again.
 */
export function CalendarFeedPanel({
  activeSince,
  create,
  revoke,
}: {
  activeSince: string | null;
  create: (raw: unknown) => Promise<ActionResult<{ url: string }>>;
  revoke: (raw: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const make = () => {
    if (activeSince && !window.confirm("Make a new feed URL? The current one stops working, and calendars subscribed to it stop updating.")) return;
    start(async () => {
      setError(null);
      setMessage(null);
      const result = await create(undefined);
      if (result.ok) setUrl(result.data.url);
      else setError(result.error);
      router.refresh();
    });
  };
  const stop = () => {
    if (!window.confirm("Revoke your calendar feed? Calendars subscribed to it stop updating.")) return;
    start(async () => {
      setError(null);
      const result = await revoke(undefined);
      if (result.ok) {
        setUrl(null);
        setMessage("Your calendar feed is revoked.");
      } else setError(result.error);
      router.refresh();
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700" data-testid="calendar-feed-status">
        {activeSince ? `You have an active feed, made ${activeSince}.` : "You have no active calendar feed."}
      </p>
      {url ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <label htmlFor="calendar-feed-url" className="text-sm font-medium text-amber-900">
            Your private feed URL. Copy it now: it will not be shown again.
          </label>
          <div className="mt-2 flex gap-2">
            <input id="calendar-feed-url" readOnly value={url} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(url).then(() => setMessage("Copied."))}>
              Copy
            </Button>
          </div>
          <p className="mt-2 text-xs text-amber-900">Anyone with this URL can read your renewal dates. Keep it private; revoke it if it leaks.</p>
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button onClick={make} disabled={pending}>
          {activeSince ? "Replace feed URL" : "Create feed URL"}
        </Button>
        {activeSince ? (
          <Button variant="danger" onClick={stop} disabled={pending}>
            Revoke feed
          </Button>
        ) : null}
      </div>
      <p role="status" className="text-sm text-slate-600">
        {message}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
