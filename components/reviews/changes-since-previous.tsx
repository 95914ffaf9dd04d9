import Link from "next/link";
import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { Card } from "@/components/ui/card";
import type { AssessmentChanges } from "@/lib/domain/assessment-changes";
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";

/** The review's "what changed since the previous assessment of this product". */
export function ChangesSincePrevious({ previous, changes }: { previous: { id: string; submittedAt: Date | null }; changes: AssessmentChanges }) {
  const nothing = !changes.answers.length && !changes.flagsRaised.length && !changes.flagsCleared.length && (!changes.score || changes.score.before === changes.score.after);
  return (
    <Card
      title="What changed since the previous assessment"
      action={
        <Link href={`/assessments/${previous.id}`} className="text-xs text-brand-700 hover:underline">
          Previous: submitted {previous.submittedAt?.toISOString().slice(0, 10) ?? "—"}
        </Link>
      }
    >
      <div className="space-y-3 text-sm" data-testid="changes-since-previous">
        {nothing ? <p className="text-slate-600">Nothing changed: same answers, same score and flags.</p> : null}
        {changes.score && changes.score.before !== changes.score.after ? (
          <p>
            Score {changes.score.before} <RiskTierBadge tier={changes.score.tierBefore} /> → {changes.score.after} <RiskTierBadge tier={changes.score.tierAfter} />
          </p>
        ) : null}
        {changes.flagsRaised.length ? (
          <p>
            <span className="font-medium text-red-700">Flags raised:</span> {changes.flagsRaised.map((f) => redFlagLabel(f.id)).join(", ")}
          </p>
        ) : null}
        {changes.flagsCleared.length ? (
          <p>
            <span className="font-medium text-green-700">Flags cleared:</span> {changes.flagsCleared.map((f) => redFlagLabel(f.id)).join(", ")}
          </p>
        ) : null}
        {changes.answers.length ? (
          <table className="w-full text-left">
            <caption className="sr-only">Changed answers</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">Question</th>
                <th scope="col" className="py-1 pr-3">Before</th>
                <th scope="col" className="py-1">Now</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {changes.answers.map((a) => (
                <tr key={a.key}>
                  <td className="py-1 pr-3">{a.prompt}</td>
                  <td className="py-1 pr-3 text-slate-500 line-through decoration-slate-300">{a.before || "—"}</td>
                  <td className="py-1">{a.after || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </Card>
  );
}
