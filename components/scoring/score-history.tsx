import { Card } from "@/components/ui/card";

export interface SnapshotPoint {
  id: string;
  score: number;
  tier: string;
  createdAt: Date;
  modelVersion: number;
}

/** The product's frozen scores over time, as a vector chart with the figures listed beneath it. */
export function ScoreHistory({ snapshots }: { snapshots: SnapshotPoint[] }) {
  if (snapshots.length === 0) {
    return (
      <Card title="Score history">
        <p className="text-sm text-slate-600">No snapshots yet: one is taken each time an assessment is submitted.</p>
      </Card>
    );
  }
  // Plain SVG with labelled axes (no chart library: the product page stays light). The list below carries every figure for screen readers.
  // Colours are theme utilities (fill-slate-700, stroke-brand-600…), never literal hex: app/globals.css turns them over in dark mode.
  const width = 640;
  const height = 200;
  const left = 40;
  const right = 16;
  const top = 10;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const times = snapshots.map((s) => s.createdAt.getTime());
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  // Points sit at their date (evenly when all share one instant).
  const x = (i: number) => left + (span === 0 ? (snapshots.length === 1 ? plotW / 2 : (i * plotW) / (snapshots.length - 1)) : ((times[i]! - first) / span) * plotW);
  const y = (score: number) => top + plotH - (score / 100) * plotH;
  const path = snapshots.map((s, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(s.score).toFixed(1)}`).join(" ");
  const day = (d: Date) => d.toISOString().slice(0, 10);
  // At most five date labels, always the first and the last.
  const labelled = [...new Set(snapshots.length <= 5 ? snapshots.map((_, i) => i) : [0, 1, 2, 3, 4].map((k) => Math.round((k * (snapshots.length - 1)) / 4)))];
  return (
    <Card title="Score history">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-52 w-full" role="img" aria-label={`Score over time, from ${day(snapshots[0]!.createdAt)} to ${day(snapshots[snapshots.length - 1]!.createdAt)}: ${snapshots.map((s) => s.score).join(", ")}`} data-testid="score-history-chart">
        {[0, 20, 40, 60, 80, 100].map((t) => (
          <g key={t}>
            <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} className={t === 60 || t === 80 ? "stroke-slate-400" : "stroke-slate-200"} strokeDasharray={t === 60 || t === 80 ? "4 4" : undefined} data-chart-part="grid" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" className="fill-slate-700" data-chart-part="tick">
              {t}
            </text>
          </g>
        ))}
        <text x={12} y={top + plotH / 2} fontSize="11" className="fill-slate-700" textAnchor="middle" transform={`rotate(-90 12 ${top + plotH / 2})`}>
          Score
        </text>
        <line x1={left} x2={width - right} y1={top + plotH} y2={top + plotH} className="stroke-slate-500" data-chart-part="axis" />
        {labelled.map((i) => (
          <text key={i} x={x(i)} y={top + plotH + 16} fontSize="11" className="fill-slate-700" textAnchor={i === 0 && snapshots.length > 1 ? "start" : i === snapshots.length - 1 && snapshots.length > 1 ? "end" : "middle"} data-testid="score-history-date">
            {day(snapshots[i]!.createdAt)}
          </text>
        ))}
        <text x={left + plotW / 2} y={height - 4} fontSize="11" className="fill-slate-700" textAnchor="middle">
          Date scored (UTC)
        </text>
        <path d={path} fill="none" className="stroke-brand-600" strokeWidth={2} data-chart-part="line" />
        {snapshots.map((s, i) => (
          <circle key={s.id} cx={x(i)} cy={y(s.score)} r={4} className="fill-brand-600" data-chart-part="point">
            <title>{`${day(s.createdAt)}: ${s.score}`}</title>
          </circle>
        ))}
      </svg>
      <ol className="mt-2 space-y-0.5 text-xs text-slate-600" data-testid="score-history">
        {snapshots.map((s) => (
          <li key={s.id}>
            {s.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC · score {s.score} · {s.tier.toLowerCase()} · model v{s.modelVersion}
          </li>
        ))}
      </ol>
    </Card>
  );
}
