import { Badge, Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/http/action-result";
import type { ProductContradictions } from "@/lib/db/contradictions";
import type { ContradictionSide } from "@/lib/domain/contradictions/types";
import type { ContradictionAcknowledgementFormValues } from "@/lib/validation/contradictions";
import { AcknowledgeForm } from "./acknowledge-form-lazy";

const SOURCE_LABELS: Record<ContradictionSide["source"], string> = { answer: "Answer", product: "Product record", dpa: "DPA", evidence: "Evidence" };

function Side({ side }: { side: ContradictionSide }) {
  return (
    <div className="rounded border border-slate-200 bg-slate-50 p-2">
      <p className="text-xs uppercase text-slate-500">{SOURCE_LABELS[side.source]}</p>
      <p className="text-xs text-slate-600">{side.label}</p>
      <p className="font-medium text-slate-900">{side.value || "—"}</p>
    </div>
  );
}

/**
 * Every contradiction with both sides, how to resolve it, and (for those allowed) a way to record
 * why both stand. Acknowledged ones stay listed with the reason, who and when.
 */
export function ContradictionList({
  contradictions,
  productId,
  assessmentId,
  acknowledge,
}: {
  contradictions: ProductContradictions;
  productId: string;
  assessmentId: string | null;
  acknowledge?: (raw: ContradictionAcknowledgementFormValues) => Promise<ActionResult<{ id: string }>>;
}) {
  const { open, acknowledged } = contradictions;
  return (
    <Card title={`Contradictions${open.length ? ` (${open.length} open)` : ""}`}>
      <div data-testid="contradictions">
        {open.length === 0 && acknowledged.length === 0 ? <p className="text-sm text-green-700">Answers, product facts, DPA and evidence agree.</p> : null}
        {open.length ? (
          <ul className="space-y-3 text-sm" aria-label="Open contradictions">
            {open.map((c) => (
              <li key={c.key} className="rounded-md border border-amber-200 p-3" data-testid={`contradiction-${c.key}`}>
                <p className="font-medium">
                  <Badge tone="amber">Contradiction</Badge> {c.title}
                </p>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  <Side side={c.left} />
                  <Side side={c.right} />
                </div>
                <p className="mt-1 text-xs text-slate-600">To resolve: {c.fix}</p>
                {acknowledge ? <AcknowledgeForm productId={productId} assessmentId={assessmentId} contradictionKey={c.key} title={c.title} acknowledge={acknowledge} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {acknowledged.length ? (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-slate-700">Acknowledged ({acknowledged.length})</summary>
            <ul className="mt-2 space-y-3" aria-label="Acknowledged contradictions">
              {acknowledged.map((c) => (
                <li key={c.key} className="rounded-md border border-slate-200 p-3" data-testid={`contradiction-ack-${c.key}`}>
                  <p className="font-medium">{c.title}</p>
                  <div className="mt-2 grid gap-2 sm:grid-cols-2">
                    <Side side={c.left} />
                    <Side side={c.right} />
                  </div>
                  <p className="mt-1 text-xs text-slate-700">
                    Both stand: &ldquo;{c.acknowledgement.reason}&rdquo; — {c.acknowledgement.by}, {c.acknowledgement.at.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </p>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
