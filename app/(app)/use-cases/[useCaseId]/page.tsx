import type { Metadata } from "next";
import { useCaseName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { ReportsCard } from "@/components/reports/reports-card";
import { listReports } from "@/lib/db/reports";
import { createReportAction } from "@/app/(app)/reports/actions";
import Link from "next/link";
import { ScoreCard } from "@/components/scoring/score-card";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionHistory } from "@/components/use-cases/decision-history";
import { UseCaseDecisionForm } from "@/components/use-cases/use-case-decision-form";
import { UseCaseStatusBadge } from "@/components/use-cases/use-case-status-badge";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getUseCaseOverview } from "@/lib/db/use-cases";
import { enumLabel } from "@/lib/domain/vocabulary";
import { loadOr404 } from "@/lib/http/load-or-404";
import { decideUseCaseAction, recordConditionMetAction, revokeExceptionAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ useCaseId: string }> }): Promise<Metadata> {
  const { useCaseId } = await params;
  return recordTitle("client:read", (actor) => useCaseName(actor, useCaseId), (n) => `${n} · Use cases`, "Use case");
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function UseCasePage({ params }: { params: Promise<{ useCaseId: string }> }) {
  const actor = await requirePermission("client:read");
  const { useCaseId } = await params;
  const { useCase, displayStatus, score, assessment, decisions, exceptions, activeException, today } = await loadOr404(getUseCaseOverview(actor, useCaseId));
  const { client, product } = useCase;
  const canDecide = can(actor.role, "assessment:decide");
  const reports = (await listReports(actor, { useCaseId }, 1, 10)).rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy, shares: r._count.shareLinks }));
  const critical = score.result.tier === "CRITICAL";
  const approved = useCase.status === "APPROVED" || useCase.status === "APPROVED_WITH_CONDITIONS";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/clients/${client.id}`} className="text-brand-700 hover:underline">
          ← {client.name}
        </Link>
      </p>
      <PageHeader
        title={`${product.vendor.name} — ${product.name}`}
        description={
          <>
            For <strong>{client.name}</strong>: {useCase.purpose}. <UseCaseStatusBadge status={displayStatus} />
          </>
        }
      />
      <div className="space-y-6">
        {displayStatus === "SUSPENDED" ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="suspension">
            <strong>Approval suspended</strong> since {day(useCase.suspendedAt)}. {useCase.suspendedWhy}
          </p>
        ) : null}
        <Card title="Approval">
          <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="approval-summary">
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <UseCaseStatusBadge status={displayStatus} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Valid until</dt>
              <dd>
                {approved ? (
                  <>
                    {day(useCase.validUntil)} <span className="block text-xs text-slate-600">{displayStatus === "LAPSED" ? "Lapsed: " : "Until "}{useCase.validUntilWhy}</span>
                  </>
                ) : (
                  "Not approved"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Next review</dt>
              <dd>{day(useCase.nextReviewAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Data classes</dt>
              <dd>{useCase.dataClasses.join(", ") || "None"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Client requires</dt>
              <dd>{client.residency === "ANY" ? "Any region" : `${client.residency} residency`}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Relies on assessment</dt>
              <dd>
                {assessment ? (
                  <Link href={`/assessments/${assessment.id}`} className="text-brand-700 hover:underline">
                    {enumLabel(assessment.status)}, submitted {day(assessment.submittedAt)} by {assessment.submittedBy}
                  </Link>
                ) : (
                  "None submitted yet"
                )}
              </dd>
            </div>
          </dl>
        </Card>
        <ScoreCard result={score.result} />
        {canDecide ? (
          !assessment ? (
            <Card title="Decision">
              <p className="text-sm text-slate-600">The product has no submitted assessment yet. A use case is decided on a submitted assessment of its product.</p>
            </Card>
          ) : assessment.submittedById === actor.userId ? (
            <Card title="Decision">
              <p className="text-sm text-slate-600">You submitted the assessment this decision relies on, so someone else must decide it (separation of duties).</p>
            </Card>
          ) : (
            <UseCaseDecisionForm useCaseId={useCase.id} critical={critical} hasActiveException={activeException !== null} decide={decideUseCaseAction} />
          )
        ) : null}
        <Card title="Exceptions">
          {exceptions.length === 0 ? (
            <p className="text-sm text-slate-600">No exception recorded. One is needed only to approve a CRITICAL use case.</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {exceptions.map((e) => (
                <li key={e.id} className="rounded-md border border-slate-100 p-3">
                  <p className="flex flex-wrap items-center gap-2">
                    {e.revokedAt ? <Badge>Revoked</Badge> : e.active ? <Badge tone="amber">In force</Badge> : <Badge tone="red">Expired</Badge>}
                    <span>
                      Granted by {e.grantedBy} on {day(e.createdAt)}, expires {day(e.expiresAt)}
                    </span>
                  </p>
                  <p className="mt-1"><span className="text-slate-500">Justification:</span> {e.justification}</p>
                  <p><span className="text-slate-500">Risk accepted:</span> {e.riskAccepted}</p>
                  <p>
                    <span className="text-slate-500">Accepts critical flags:</span> {e.acceptedFlags.length ? e.acceptedFlags.map((f) => enumLabel(f)).join(", ") : "none recorded"}
                  </p>
                  <p><span className="text-slate-500">Client consent:</span> {e.clientConsent ? `Yes, by ${e.consentBy} on ${day(e.consentAt)}` : "No"}</p>
                  {e.active && can(actor.role, "exception:grant") ? (
                    <div className="mt-2">
                      <ConfirmButton label="Revoke exception" variant="danger" confirm="Revoke this exception? An approval that stood on it is withdrawn." action={revokeExceptionAction} input={{ exceptionId: e.id, useCaseId: useCase.id }} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <ReportsCard rows={reports} generate={{ kind: "PRODUCT", productId: useCase.productId, useCaseId: useCase.id }} canGenerate={can(actor.role, "report:create")} label="Generate report for this use case" action={createReportAction} />
        <Card title="Decisions">
          <DecisionHistory decisions={decisions} today={today} recordMet={can(actor.role, "condition:record") ? recordConditionMetAction : undefined} />
        </Card>
      </div>
    </>
  );
}
