import { countTicks, labelEvery } from "@/lib/domain/charts/axis-ticks";
import type { ChartData } from "./chart-data";

const FONT = 12;
const HEIGHT = 260;
/** Up to this many bars one drawing reads well from a phone to a desktop; more get a phone layout of their own. */
const FEW_BARS = 6;

/**
 * Stacked bars drawn on the server as plain SVG: no chart library and no JavaScript in the
 * browser. Recharts here cost the home page over a second of main-thread time at 4× CPU
 * throttle (issue 17: TBT < 200 ms), for five to fourteen bars that never change after load.
 *
 * Every colour is a CSS variable or a theme utility (app/globals.css), so the drawing turns over
 * with the system's dark mode like the rest of the page. A chart with many bars (the 14-week
 * timeline) is sent as two drawings, one laid out for phones and one for wider screens, because
 * SVG text scales with the viewBox and fourteen week labels drawn for 900 px would shrink to
 * unreadable at 330; a five-bar chart is one drawing (every node is parsed, laid out and hydrated). The figure's table (chart-figure.tsx)
 * carries the exact numbers; the image's name says the totals.
 */
export function StackedBarChart({ data, label }: { data: ChartData; label: string }) {
  const totals = data.rows.map((r) => data.series.reduce((n, s) => n + (r.values[s.key] ?? 0), 0));
  const name = `${label}: ${data.rows.map((r, i) => `${r.label} ${totals[i]}`).join(", ")}. Each bar is split by ${data.series.map((s) => s.label).join(", ")}; the table has the exact figures.`;
  return (
    <div data-testid="stacked-bar-chart">
      {data.rows.length <= FEW_BARS ? (
        <Bars data={data} totals={totals} width={440} name={name} />
      ) : (
        <>
          <div className="sm:hidden">
            <Bars data={data} totals={totals} width={360} name={name} />
          </div>
          <div className="hidden sm:block">
            <Bars data={data} totals={totals} width={Math.max(480, data.rows.length * 62)} name={name} />
          </div>
        </>
      )}
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
        {data.series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: `var(${s.color})` }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Bars({ data, totals, width, name }: { data: ChartData; totals: number[]; width: number; name: string }) {
  const left = 40;
  const right = 8;
  const top = 8;
  const bottom = data.xLabel ? 44 : 28;
  const plotW = width - left - right;
  const plotH = HEIGHT - top - bottom;
  const ticks = countTicks(Math.max(0, ...totals));
  const max = ticks.at(-1)!;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const band = plotW / Math.max(1, data.rows.length);
  const barW = Math.min(48, band * 0.64);
  const every = labelEvery(band, Math.max(...data.rows.map((r) => r.label.length)), FONT);
  return (
    <svg viewBox={`0 0 ${width} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={name} fontSize={FONT}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} className="stroke-slate-300" strokeDasharray={t === 0 ? undefined : "3 3"} data-chart-part="grid" />
          <text x={left - 6} y={y(t) + 4} textAnchor="end" className="fill-slate-700" data-chart-part="tick">
            {t}
          </text>
        </g>
      ))}
      <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} className="stroke-slate-500" data-chart-part="axis" />
      {data.rows.map((r, i) => {
        const x = left + i * band + (band - barW) / 2;
        let stacked = 0;
        return (
          <g key={r.label}>
            {data.series.map((s) => {
              const v = r.values[s.key] ?? 0;
              if (v <= 0) return null;
              const from = stacked;
              stacked += v;
              // A thin line in the card's colour between segments tells neighbours apart even when two hues are close.
              return (
                <rect key={s.key} x={x} y={y(stacked)} width={barW} height={y(from) - y(stacked)} style={{ fill: `var(${s.color})` }} className="stroke-white" strokeWidth={1} data-chart-part="bar">
                  <title>{`${r.label}, ${s.label}: ${v}`}</title>
                </rect>
              );
            })}
            {i % every === 0 ? (
              <text x={left + i * band + band / 2} y={top + plotH + 18} textAnchor="middle" className="fill-slate-700" data-chart-part="tick">
                {r.label}
              </text>
            ) : null}
          </g>
        );
      })}
      {data.xLabel ? (
        <text x={left + plotW / 2} y={HEIGHT - 6} textAnchor="middle" className="fill-slate-700">
          {data.xLabel}
        </text>
      ) : null}
    </svg>
  );
}
