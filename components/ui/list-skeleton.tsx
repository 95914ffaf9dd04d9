/**
 * What a list shows while its rows load: grey rows where the table will be, announced once as busy
 * ("Loading vendors…"). It is the fallback of a <Suspense> inside the page, below the heading and
 * filters, never a loading.tsx: a loading.tsx is a boundary above the page, so Next would send
 * 200 and start streaming before the page's role check or notFound() could answer 404.
 * Server-rendered markup only, no client JavaScript.
 */
export function ListSkeleton({ label, rows = 6, toolbar = false }: { label: string; rows?: number; toolbar?: boolean }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="list-loading">
      <p className="sr-only">{`Loading ${label}…`}</p>
      <div aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
        {/* The search box and filter menus of a data table, when they render with the rows. */}
        {toolbar ? (
          <div className="mb-3">
            <div className="mb-1 h-4 w-16 rounded bg-slate-200" />
            <div className="h-9 w-64 max-w-full rounded-md bg-slate-200" />
          </div>
        ) : null}
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <div className="h-9 border-b border-slate-200 bg-slate-100" />
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="flex h-10 items-center gap-4 border-b border-slate-100 px-3 last:border-b-0">
              <div className="h-4 w-1/3 rounded bg-slate-200" />
              <div className="h-4 w-1/6 rounded bg-slate-100" />
              <div className="h-4 w-1/6 rounded bg-slate-100" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
