import Link from "next/link";
import type { ReactNode } from "react";

/** One number on a role home, opening the list that shows exactly those rows. */
export function HomeTile({ label, value, href, testId, alert = false, detail }: { label: string; value: ReactNode; href: string; testId: string; alert?: boolean; detail?: ReactNode }) {
  return (
    <Link href={href} data-testid={testId} className="group block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:border-brand-600">
      <span className="block text-sm text-slate-700 group-hover:underline">{label}</span>
      <span className={`mt-1 block text-3xl font-semibold tabular-nums ${alert ? "text-red-700" : "text-slate-900"}`} data-testid={`${testId}-value`}>
        {value}
      </span>
      {detail ? <span className="mt-1 block text-xs text-slate-600">{detail}</span> : null}
    </Link>
  );
}
