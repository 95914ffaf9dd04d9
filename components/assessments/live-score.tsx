import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";
import type { LiveScoreSummary } from "@/lib/domain/scoring/types";
import { tierStatement } from "@/lib/domain/tier-statement";

/** The score the product would get if the assessment were submitted now, beside the sections. */
export function LiveScore({ live }: { live: LiveScoreSummary }) {
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-white p-3 text-xs" data-testid="live-score" aria-live="polite">
      <p className="font-medium text-slate-700">Score if submitted now</p>
      <p className="mt-1 flex items-center gap-2">
        <span className="text-2xl font-semibold tabular-nums" data-testid="live-score-value">
          {live.score}
        </span>
        <RiskTierBadge tier={live.tier} />
      </p>
      <p className="mt-1 text-slate-600">{tierStatement(live.score, live.tier, live.flags).sentence}</p>
      {live.flags.length ? (
        <ul className="mt-1 list-disc pl-4 text-slate-700">
          {live.flags.map((f) => (
            <li key={f.id}>
              {redFlagLabel(f.id)} <span className="text-slate-500">({f.severity})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
