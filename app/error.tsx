"use client";

import { useEffect, useState } from "react";

/**
 * The error page. Production hides the server's error message, so the page asks /api/health
 * whether the database is reachable: when it is not, it says so (the server answered this page
 * with 503 and Retry-After) instead of a generic failure.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => !cancelled && setDatabaseDown(r.status === 503))
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <main id="main" className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center" role="alert">
        <h1 className="text-2xl font-semibold">{databaseDown ? "The database is unavailable" : "Something went wrong"}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {databaseDown
            ? "Vetta cannot reach its database right now (it is busy, restarting or down). Nothing you entered was half-saved. Try again in a few seconds; if it lasts, tell your administrator."
            : "Nothing you entered was half-saved. Try again; if it keeps happening, give this reference to your administrator:"}
        </p>
        {databaseDown ? null : <p className="mt-2 font-mono text-xs text-slate-500">{error.digest ?? "no reference"}</p>}
        <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Try again
        </button>
      </div>
    </main>
  );
}
