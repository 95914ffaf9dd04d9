import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { Card } from "@/components/ui/card";
import type { AssessmentChanges } from "@/lib/domain/assessment-changes";
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { enumLabel } from "@/lib/domain/vocabulary";

/** A contradiction between answers, product facts, DPA clauses and evidence (issue 15 item 9). */
export interface ReviewContradiction {
  id: string;
  text: string;
}

const SEVERITY_TONE = { critical: "text-red-800", high: "text-red-700", medium: "text-amber-800" } as const;

/**
 * What a reviewer reads first: the tier and why, the red flags, how many answers are risky, what
 * changed since the previous assessment, and (when given) contradictions; then where to decide.
 */
export function ReviewSummary({
  result,
  riskyCount,
  answeredCount,
  sincePrevious,
  contradictions,
  decision,
}: {
  result: ScoreResult | null;
  riskyCount: number;
  answeredCount: number;
  sincePrevious: { submittedAt: Date | null; changes: AssessmentChanges } | null;
  /** Undefined until the contradiction rules are wired in; an empty list means none were found. */
  contradictions?: ReviewContradiction[];
  /** The decision as recorded, or "pending" while the assessment awaits one. */
  decision: { outcome: string; decidedBy: string; decidedAt: Date } | "pending" | null;
}) {
  const changes = sincePrevious?.changes;
  const scoreMoved = changes?.score && changes.score.before !== changes.score.after;
  return (
    <Card title="Review summary" className="mb-6">
      <div className="space-y-4 text-sm" data-testid="review-summary">
        {result ? (
          <section aria-labelledby="summary-tier">
            <h3 id="summary-tier" className="font-medium">
              Tier <RiskTierBadge tier={result.tier} /> <span className="font-normal text-slate-600">score {result.score} of 100, as submitted</span>
            </h3>
            <p className="text-slate-700">Why: {result.tierReason}</p>
          </section>
        ) : (
          <p className="text-slate-600">No score was frozen with this submission.</p>
        )}

        <section aria-labelledby="summary-flags">
          <h3 id="summary-flags" className="font-medium">
            Red flags ({result?.flags.length ?? 0})
          </h3>
          {result?.flags.length ? (
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {result.flags.map((f) => (
                <li key={f.id}>
                  <span className={`font-medium ${SEVERITY_TONE[f.severity]}`}>{redFlagLabel(f.id)}</span> <span className="text-xs text-slate-500">({f.severity})</span>: {f.evidence}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600">None.</p>
          )}
        </section>

        {contradictions ? (
          <section aria-labelledby="summary-contradictions" data-testid="review-open-contradictions">
            <h3 id="summary-contradictions" className="font-medium">
              Open contradictions ({contradictions.length})
            </h3>
            {contradictions.length ? (
              <>
                <p className="text-slate-600">
                  Between the answers, product facts, DPA and evidence: resolve or acknowledge each before deciding.{" "}
                  <a href="#contradictions" className="text-brand-700 underline">
                    Resolve or acknowledge
                  </a>
                </p>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  {contradictions.map((c) => (
                    <li key={c.id}>{c.text}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="text-slate-600">None between the answers, product facts, DPA and evidence.</p>
            )}
          </section>
        ) : null}

        <section aria-labelledby="summary-risky">
          <h3 id="summary-risky" className="font-medium">
            Risky answers: {riskyCount} of {answeredCount}
          </h3>
          <p className="text-slate-600">
            Answers that earned less than their full points or raised a red flag.{" "}
            {riskyCount ? (
              <a href="?risky=1#answers" className="text-brand-700 underline">
                Read only the risky answers
              </a>
            ) : null}
          </p>
        </section>

        <section aria-labelledby="summary-changes">
          <h3 id="summary-changes" className="font-medium">
            Since the previous assessment
          </h3>
          {sincePrevious && changes ? (
            <ul className="mt-1 list-disc space-y-1 pl-5">
              <li>Previous one submitted {sincePrevious.submittedAt?.toISOString().slice(0, 10) ?? "—"}</li>
              {scoreMoved ? (
                <li>
                  Score {changes.score!.before} → {changes.score!.after}
                  {changes.score!.tierBefore !== changes.score!.tierAfter ? ` (${enumLabel(changes.score!.tierBefore)} → ${enumLabel(changes.score!.tierAfter)})` : ""}
                </li>
              ) : (
                <li>Score unchanged</li>
              )}
              {changes.flagsRaised.length ? <li>Flags raised: {changes.flagsRaised.map((f) => redFlagLabel(f.id)).join(", ")}</li> : null}
              {changes.flagsCleared.length ? <li>Flags cleared: {changes.flagsCleared.map((f) => redFlagLabel(f.id)).join(", ")}</li> : null}
              <li>
                {changes.answers.length} answer(s) changed{" "}
                {changes.answers.length ? (
                  <a href="#changes" className="text-brand-700 underline">
                    see what changed
                  </a>
                ) : null}
              </li>
            </ul>
          ) : (
            <p className="text-slate-600">This is the first submitted assessment of this product.</p>
          )}
        </section>

        {decision === "pending" ? (
          <p>
            <a href="#decision" className="font-medium text-brand-700 underline">
              Go to the decision
            </a>
          </p>
        ) : decision ? (
          <p data-testid="summary-decision">
            Decided: <strong>{enumLabel(decision.outcome)}</strong> by {decision.decidedBy} on {decision.decidedAt.toISOString().slice(0, 10)}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
