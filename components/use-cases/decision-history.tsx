import { enumLabel } from "@/lib/domain/vocabulary";

export interface DecisionEntry {
  id: string;
  outcome: string;
  justification: string;
  decidedBy: string;
  decidedAt: Date;
  validUntil: Date | null;
  conditions: Array<{ id: string; text: string; dueAt: Date | null }>;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

/** Past decisions, newest first, each with who, when, why and what it was conditional on. */
export function DecisionHistory({ decisions }: { decisions: DecisionEntry[] }) {
  if (decisions.length === 0) return <p className="text-sm text-slate-600">No decision yet.</p>;
  return (
    <ol className="space-y-3 text-sm">
      {decisions.map((d) => (
        <li key={d.id} className="rounded-md border border-slate-100 p-3">
          <p>
            <strong>{enumLabel(d.outcome)}</strong> by {d.decidedBy} on {d.decidedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
            {d.validUntil ? <span className="text-slate-600"> · valid until {day(d.validUntil)}</span> : null}
          </p>
          <p className="mt-1 whitespace-pre-line text-slate-700">{d.justification}</p>
          {d.conditions.length ? (
            <ul className="mt-2 list-disc pl-5 text-slate-700">
              {d.conditions.map((c) => (
                <li key={c.id}>
                  {c.text} <span className="text-slate-500">(due {day(c.dueAt)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
