"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { Evidence } from "@/lib/domain/dpa-analysis/types";
import { CLAUSE_STATUSES, clauseLabel, enumLabel } from "@/lib/domain/vocabulary";
import type { ActionResult } from "@/lib/http/action-result";

const TONES = { PRESENT: "green", PARTIAL: "amber", MISSING: "red", NOT_APPLICABLE: "slate" } as const;

export type ProposalCardData = {
  id: string;
  clause: string;
  status: keyof typeof TONES;
  evidence: Evidence[];
  reason: string | null;
  confidence: number;
  decision: "ACCEPTED" | "CHANGED" | "REJECTED" | null;
  decidedStatus: keyof typeof TONES | null;
  checklistStatus: keyof typeof TONES;
};

type Decide = (raw: unknown) => Promise<ActionResult<unknown>>;

function ChangeForm({ proposal, decide, onDone }: { proposal: ProposalCardData; decide: Decide; onDone: () => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<string>(proposal.status);
  const [evidence, setEvidence] = useState(proposal.evidence.map((e) => `${e.section ?? ""}${e.page ? ` p. ${e.page}` : ""}: “${e.quote}”`).join("\n"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="mt-3 space-y-2 rounded-md border border-slate-200 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        start(async () => {
          const result = await decide({ proposalId: proposal.id, decision: "CHANGED", status, evidence });
          if (!result.ok) {
            setError(result.error);
            setErrors(result.fieldErrors ?? {});
            return;
          }
          onDone();
          router.refresh();
        });
      }}
    >
      <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value)} error={errors.status}>
        {CLAUSE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {enumLabel(s)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} error={errors.evidence} rows={4} />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save my decision"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** One clause: what the analyser proposes, the quotes it rests on, and the reviewer's three choices. */
export function ProposalCard({ proposal, decide, canDecide }: { proposal: ProposalCardData; decide: Decide; canDecide: boolean }) {
  const [changing, setChanging] = useState(false);
  const label = clauseLabel(proposal.clause);
  return (
    <li className="rounded-lg border border-slate-200 p-3" aria-label={label} data-testid={`proposal-${proposal.clause}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-slate-900">{label}</h3>
        <span className="flex items-center gap-2 text-xs text-slate-600">
          Proposed <Badge tone={TONES[proposal.status]}>{enumLabel(proposal.status)}</Badge>
          <span>confidence {Math.round(proposal.confidence * 100)} %</span>
        </span>
      </div>
      {proposal.reason ? <p className="mt-1 text-sm text-slate-700">{proposal.reason}</p> : null}
      {proposal.evidence.length ? (
        <ul className="mt-2 space-y-1">
          {proposal.evidence.map((e, i) => (
            <li key={i} className="text-sm">
              <span className="text-xs font-medium text-slate-500">
                {e.section ?? "(no section)"}
                {e.page ? `, page ${e.page}` : ""}
              </span>
              <blockquote className="border-l-2 border-brand-600 pl-2 text-slate-800">{e.quote}</blockquote>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm italic text-slate-500">No passage found.</p>
      )}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="text-slate-600">
          Checklist now: <Badge tone={TONES[proposal.checklistStatus]}>{enumLabel(proposal.checklistStatus)}</Badge>
        </span>
        {proposal.decision ? (
          <span className="text-slate-700">
            {proposal.decision === "REJECTED" ? "Rejected" : proposal.decision === "ACCEPTED" ? "Accepted" : `Changed to ${enumLabel(proposal.decidedStatus ?? "")}`}
          </span>
        ) : canDecide && !changing ? (
          <span className="flex gap-2">
            <ConfirmButton label="Accept" variant="primary" action={decide} input={{ proposalId: proposal.id, decision: "ACCEPTED" }} />
            <Button variant="secondary" onClick={() => setChanging(true)}>
              Change
            </Button>
            <ConfirmButton label="Reject" action={decide} input={{ proposalId: proposal.id, decision: "REJECTED" }} />
          </span>
        ) : null}
      </div>
      {changing ? <ChangeForm proposal={proposal} decide={decide} onDone={() => setChanging(false)} /> : null}
    </li>
  );
}
