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
  const width = 600;
  const height = 120;
  const x = (i: number) => (snapshots.length === 1 ? width / 2 : 20 + (i * (width - 40)) / (snapshots.length - 1));
  const y = (score: number) => height - 10 - (score / 100) * (height - 20);
  const path = snapshots.map((s, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(s.score).toFixed(1)}`).join(" ");
  return (
    <Card title="Score history">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-32 w-full" role="img" aria-label={`Score over time: ${snapshots.map((s) => s.score).join(", ")}`}>
        {[60, 80].map((t) => (
          <line key={t} x1={0} x2={width} y1={y(t)} y2={y(t)} stroke="#cbd5e1" strokeDasharray="4 4" />
        ))}
        <path d={path} fill="none" stroke="#1d5fd1" strokeWidth={2} />
        {snapshots.map((s, i) => (
          <circle key={s.id} cx={x(i)} cy={y(s.score)} r={4} fill="#1d5fd1" />
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
