import { ConfirmButton } from "@/components/ui/confirm-button";
import type { DpaFacts } from "@/lib/domain/dpa-analysis/types";
import type { ActionResult } from "@/lib/http/action-result";

type Apply = (raw: unknown) => Promise<ActionResult<unknown>>;
const MECHANISM_WORDS: Record<string, string> = { SCCS: "SCCs", DPF: "EU-US DPF", UK_IDTA: "UK IDTA", BCRS: "BCRs" };

/**
 * The facts the analyser read, each with one audited click to apply it: breach notice and transfer
 * mechanism to this DPA, regions to the product (added to those it has). A fact already applied, or
 * one the DPA does not state, has no button.
 */
export function FactsPanel({ analysisId, facts, applied, apply, canApply, current }: {
  analysisId: string;
  facts: DpaFacts;
  applied: string[];
  apply: Apply;
  canApply: boolean;
  current: { breachNoticeHours: number | null; transferMechanism: string; processingRegions: string[] };
}) {
  const recordable = facts.transferMechanisms.includes("SCCS") ? "SCCS" : facts.transferMechanisms.includes("DPF") ? "DPF" : null;
  const rows: Array<{ key: string; label: string; value: string; now: string; applicable: boolean; note?: string }> = [
    { key: "breachNoticeHours", label: "Breach notice", value: facts.breachNoticeHours === null ? "No deadline stated" : `${facts.breachNoticeHours} hours`, now: current.breachNoticeHours === null ? "unstated" : `${current.breachNoticeHours} h`, applicable: facts.breachNoticeHours !== null },
    {
      key: "transferMechanism",
      label: "Transfer mechanisms",
      value: facts.transferMechanisms.length ? facts.transferMechanisms.map((m) => MECHANISM_WORDS[m] ?? m).join(", ") : "None named",
      now: current.transferMechanism,
      applicable: recordable !== null,
      note: recordable ? `Records ${MECHANISM_WORDS[recordable]} on this DPA.` : facts.transferMechanisms.length ? "The DPA record holds SCCs or the DPF only." : undefined,
    },
    { key: "processingRegions", label: "Processing regions", value: facts.processingRegions.join(", ") || "None named", now: current.processingRegions.join(", ") || "unknown", applicable: facts.processingRegions.length > 0, note: "Added to the product's regions." },
    { key: "subprocessorNoticeDays", label: "Sub-processor change notice", value: facts.subprocessorNoticeDays === null ? "Not stated" : `${facts.subprocessorNoticeDays} days`, now: "", applicable: false },
    { key: "retentionDaysAfterTermination", label: "Deleted after termination within", value: facts.retentionDaysAfterTermination === null ? "Not stated" : `${facts.retentionDaysAfterTermination} days`, now: "", applicable: false },
  ];
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Facts read from the DPA</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th scope="col" className="py-1">Fact</th>
          <th scope="col">In the DPA</th>
          <th scope="col">Recorded now</th>
          <th scope="col"><span className="sr-only">Apply</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-100 align-top">
            <th scope="row" className="py-2 pr-2 text-left font-medium text-slate-700">{row.label}</th>
            <td className="py-2 pr-2">
              {row.value}
              {row.note ? <span className="block text-xs text-slate-500">{row.note}</span> : null}
            </td>
            <td className="py-2 pr-2 text-slate-600">{row.now}</td>
            <td className="py-2 text-right">
              {applied.includes(row.key) ? (
                <span className="text-xs text-slate-600">Applied</span>
              ) : canApply && row.applicable ? (
                <ConfirmButton label={`Apply ${row.label.toLowerCase()}`} action={apply} input={{ analysisId, fact: row.key }} />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
