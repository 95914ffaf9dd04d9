import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnalysisPoller } from "@/components/dpa-analysis/analysis-poller";
import { DocumentText } from "@/components/dpa-analysis/document-text";
import { FactsPanel } from "@/components/dpa-analysis/facts-panel";
import { ProposalCard } from "@/components/dpa-analysis/proposal-card";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { latestDpaAnalysis } from "@/lib/db/dpa-analyses";
import { getDpa } from "@/lib/db/dpas";
import { DPA_CLAUSES, enumLabel } from "@/lib/domain/vocabulary";
import { loadOr404 } from "@/lib/http/load-or-404";
import { acceptAllProposalsAction, applyDpaFactAction, decideProposalAction, requestDpaAnalysisAction } from "@/app/(app)/products/[productId]/dpa-analysis-actions";

export const metadata: Metadata = { title: "DPA review" };

/**
 * The DPA page: the document's text beside the checklist the analyser proposes. Proposals count
 * for nothing until someone accepts (or changes) them; the checklist and score shown here are the
 * recorded ones.
 */
export default async function DpaPage({ params }: { params: Promise<{ productId: string; dpaId: string }> }) {
  const actor = await requirePermission("vendor:read");
  const { productId, dpaId } = await params;
  const dpa = await loadOr404(getDpa(actor, dpaId));
  if (dpa.productId !== productId) notFound();
  const analysis = await latestDpaAnalysis(actor, dpaId);
  const canWrite = can(actor.role, "vendor:write");
  const checklist = new Map(dpa.clauses.map((c) => [c.clause, c.status]));
  const running = analysis && ["QUEUED", "READING", "ANALYSING"].includes(analysis.status);
  const undecided = analysis?.proposals.filter((p) => !p.decision).length ?? 0;
  const proposals = [...(analysis?.proposals ?? [])].sort((a, b) => DPA_CLAUSES.indexOf(a.clause) - DPA_CLAUSES.indexOf(b.clause));
  return (
    <>
      <PageHeader
        title={dpa.title}
        description={
          <>
            <Link className="text-brand-700 hover:underline" href={`/products/${productId}`}>
              {dpa.product.name}
            </Link>{" "}
            · score <span data-testid="product-score">{dpa.product.currentScore ?? "–"}</span>
            {dpa.product.currentTier ? <> · tier {enumLabel(dpa.product.currentTier)}</> : null}
          </>
        }
        actions={
          canWrite ? (
            <>
              <Link className="text-sm text-brand-700 hover:underline" href={`/products/${productId}/dpas/${dpaId}/edit`}>
                Edit DPA
              </Link>
              {dpa.file && !running ? <ConfirmButton label={analysis ? "Analyse again" : "Analyse document"} pendingLabel="Starting…" action={requestDpaAnalysisAction} input={{ dpaId }} /> : null}
            </>
          ) : null
        }
      />
      {!dpa.file ? <p className="mb-4 text-sm text-slate-600">No document is attached to this DPA. Attach it (Edit DPA) and Vetta proposes the checklist from it.</p> : null}
      {running ? (
        <Card className="mb-4">
          <AnalysisPoller status={analysis.status} />
        </Card>
      ) : null}
      {analysis?.status === "FAILED" ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          The analysis of {analysis.fileName} failed: {analysis.error}
        </p>
      ) : null}
      {analysis?.status === "DONE" ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Card title={`Document: ${analysis.fileName}${analysis.pageCount ? ` (${analysis.pageCount} pages)` : ""}`}>
            <DocumentText blocks={analysis.blocks} />
          </Card>
          <div className="space-y-4">
            <Card
              title="Proposed checklist"
              action={canWrite && undecided > 0 ? <ConfirmButton label={`Accept all ${undecided} remaining`} variant="primary" confirm={`Accept the ${undecided} undecided proposals as they stand? Each becomes the checklist's status and counts in the score.`} action={acceptAllProposalsAction} input={{ analysisId: analysis.id }} /> : null}
            >
              <p className="mb-3 text-xs text-slate-600">
                Rule version {analysis.ruleVersion}. Proposals do not count until you accept or change them; read the quoted passage first. <Badge>{undecided} undecided</Badge>
              </p>
              <ul className="space-y-3">
                {proposals.map((p) => (
                  <ProposalCard key={p.id} canDecide={canWrite} decide={decideProposalAction} proposal={{ ...p, checklistStatus: checklist.get(p.clause) ?? "MISSING" }} />
                ))}
              </ul>
            </Card>
            {analysis.facts ? (
              <Card title="Facts read from the DPA">
                <FactsPanel
                  analysisId={analysis.id}
                  facts={analysis.facts}
                  applied={analysis.appliedFacts}
                  apply={applyDpaFactAction}
                  canApply={canWrite}
                  current={{ breachNoticeHours: dpa.breachNoticeHours, transferMechanism: enumLabel(dpa.transferMechanism), processingRegions: dpa.product.processingRegions }}
                />
              </Card>
            ) : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
