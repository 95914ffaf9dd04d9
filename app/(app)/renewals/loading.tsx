export default function Loading() {
  return (
    <div role="status" className="animate-pulse text-sm text-slate-500">
      Loading renewals…
    </div>
  );
}
