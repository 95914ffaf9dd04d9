import { Badge, Card } from "@/components/ui/card";
import { RiskTierBadge } from "./risk-tier-badge";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";
import { tierStatement } from "@/lib/domain/tier-statement";

const SEVERITY_TONES = { critical: "red", high: "red", medium: "amber" } as const;
const PART_LABELS = { dpa: "DPA checklist", questionnaire: "Questionnaire", certifications: "Certifications" } as const;

/** The live score, its tier and why: the three parts, every red flag with its evidence, every point. */
export function ScoreCard({ result }: { result: ScoreResult }) {
  return (
    <Card title="Risk score" action={<span className="text-xs text-slate-500">Scoring model v{result.modelVersion}</span>}>
      <div className="flex flex-wrap items-center gap-6" data-testid="risk-score">
        <div>
          <p className="text-4xl font-semibold" data-testid="score-value">
            {result.score}
          </p>
          <p className="text-xs text-slate-500">of 100</p>
        </div>
        <div>
          <RiskTierBadge tier={result.tier} suffix=" risk" />
          <p className="mt-1 text-sm text-slate-600" data-testid="tier-reason">
            {tierStatement(result.score, result.tier, result.flags).sentence}
          </p>
        </div>
        <dl className="min-w-64 flex-1 space-y-1 text-sm">
          {(Object.keys(result.parts) as Array<keyof typeof result.parts>).map((k) => (
            <div key={k} className="flex items-center gap-2">
              <dt className="w-32 text-slate-600">
                {PART_LABELS[k]} <span className="text-xs">({result.parts[k].weight}%)</span>
              </dt>
              <dd className="flex flex-1 items-center gap-2">
                <span className="h-2 flex-1 rounded bg-slate-200">
                  <span className="block h-2 rounded bg-brand-600" style={{ width: `${result.parts[k].score}%` }} />
                </span>
                <span className="w-10 text-right tabular-nums">{result.parts[k].score}</span>
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {result.flags.length ? (
        <ul className="mt-4 space-y-1 text-sm" aria-label="Red flags">
          {result.flags.map((f) => (
            <li key={f.id} className="flex gap-2" data-testid={`flag-${f.id}`}>
              <Badge tone={SEVERITY_TONES[f.severity]}>{f.severity}</Badge>
              <span>
                <span className="font-medium">{redFlagLabel(f.id)}</span>: {f.evidence}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-sm text-green-700">No red flags.</p>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-700">Every point, as scored</summary>
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">Score contributions</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Item</th>
              <th scope="col">Points</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.contributions.map((c, i) => (
              <tr key={i} className="border-t border-slate-100">
                <td className="py-0.5">{PART_LABELS[c.part]}</td>
                <td>{c.item}</td>
                <td className="tabular-nums">{c.of ? `${Math.round(c.points * 100) / 100} / ${c.of}` : "—"}</td>
                <td>{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
