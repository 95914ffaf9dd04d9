/**
 * What a list shows while its page loads (a loading.tsx): the header and grey rows where the table
 * will be, announced once as busy. Server-rendered markup only, no client JavaScript.
 */
export function ListSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="list-loading">
      <p className="sr-only">Loading {label}…</p>
      <div aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
        <div className="mb-6 h-8 w-48 rounded bg-slate-200" />
        <div className="mb-4 h-9 w-full max-w-md rounded bg-slate-200" />
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <div className="h-10 border-b border-slate-200 bg-slate-100" />
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="flex gap-4 border-b border-slate-100 px-4 py-3 last:border-b-0">
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
