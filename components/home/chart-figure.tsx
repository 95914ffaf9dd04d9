"use client";

import { useId, useState, type ReactNode } from "react";
import type { ChartData } from "./chart-data";

/**
 * A chart (drawn on the server and passed in as children, so this toggle is the only script the
 * figure needs) with its numbers as a table. The table is always in the page for screen readers
 * (visually hidden), and "Show as table" shows it to everyone, e.g. to read exact counts.
 */
export function ChartFigure({ title, summary, data, testId, children }: { title: string; summary: string; data: ChartData; testId: string; children: ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const total = (values: Record<string, number>) => data.series.reduce((n, s) => n + (values[s.key] ?? 0), 0);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <figcaption>
          <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
          <p className="text-xs text-slate-600">{summary}</p>
        </figcaption>
        <button type="button" className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50" aria-expanded={asTable} aria-controls={tableId} onClick={() => setAsTable((v) => !v)}>
          {asTable ? "Show as chart" : "Show as table"}
        </button>
      </div>
      {asTable ? null : children}
      <div id={tableId} className={asTable ? "overflow-x-auto" : "sr-only"}>
        <table className="min-w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="text-left text-xs font-semibold text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1">{data.rowHeader}</th>
              {data.series.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-1 text-right">{s.label}</th>
              ))}
              <th scope="col" className="px-2 py-1 text-right">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className="px-2 py-1 text-left font-medium">
                  {r.href ? (
                    <a href={r.href} className="text-brand-700 underline">
                      {r.label}
                    </a>
                  ) : (
                    r.label
                  )}
                </th>
                {data.series.map((s) => (
                  <td key={s.key} className="px-2 py-1 text-right tabular-nums">{r.values[s.key] ?? 0}</td>
                ))}
                <td className="px-2 py-1 text-right font-medium tabular-nums">{total(r.values)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
