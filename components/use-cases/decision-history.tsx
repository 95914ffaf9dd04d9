import type { ActionResult } from "@/lib/http/action-result";
import { enumLabel } from "@/lib/domain/vocabulary";
import { ConditionList } from "./condition-list-lazy";

export interface DecisionEntry {
  id: string;
  outcome: string;
  justification: string;
  decidedBy: string;
  decidedAt: Date;
  validUntil: Date | null;
  /** The latest decision on its use case (or, product-level, on its product). */
  inForce: boolean;
  conditions: Array<{ id: string; text: string; dueAt: Date | null; metAt: Date | null; metBy: string | null; metNote: string | null }>;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Past decisions, newest first, each with who, when, why and what it was conditional on. The
 * conditions of the decision in force can be recorded as met (when `recordMet` is given); those of
 * a superseded decision are history.
 */
export function DecisionHistory({ decisions, today, recordMet }: { decisions: DecisionEntry[]; today: string; recordMet?: (raw: unknown) => Promise<ActionResult<{ id: string }>> }) {
  if (decisions.length === 0) return <p className="text-sm text-slate-600">No decision yet.</p>;
  return (
    <ol className="space-y-3 text-sm">
      {decisions.map((d) => (
        <li key={d.id} className="rounded-md border border-slate-100 p-3" data-testid="decision">
          <p>
            <strong>{enumLabel(d.outcome)}</strong> by {d.decidedBy} on {d.decidedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
            {d.validUntil ? <span className="text-slate-600"> · valid until {day(d.validUntil)}</span> : null}
            {d.inForce ? null : <span className="text-slate-500"> · superseded</span>}
          </p>
          <p className="mt-1 whitespace-pre-line text-slate-700">{d.justification}</p>
          {d.conditions.length ? (
            <ConditionList
              today={today}
              superseded={!d.inForce}
              recordMet={d.inForce ? recordMet : undefined}
              conditions={d.conditions.map((c) => ({ id: c.id, text: c.text, dueOn: day(c.dueAt), metAt: c.metAt?.toISOString() ?? null, metBy: c.metBy, metNote: c.metNote }))}
            />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
