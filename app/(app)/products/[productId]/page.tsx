import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { ReportsCard } from "@/components/reports/reports-card";
import { listReports } from "@/lib/db/reports";
import { createReportAction } from "@/app/(app)/reports/actions";
import Link from "next/link";
import { CertificationSection, DpaSection, FactSources, ProductFacts, SubProcessorSection } from "@/components/products/product-evidence";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ActivityList } from "@/components/vendors/activity-list";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayFor } from "@/lib/db/tenant";
import { listAssessmentsForProduct } from "@/lib/db/assessments";
import { listScoreSnapshots, liveProductScore } from "@/lib/db/scoring";
import { ScoreHistory } from "@/components/scoring/score-history";
import { ScoreCard } from "@/components/scoring/score-card";
import { ScoreExplanation } from "@/components/scoring/score-explanation";
import { getProductOverview } from "@/lib/db/products";
import { enumLabel } from "@/lib/domain/vocabulary";
import { StartAssessmentButton } from "@/components/assessments/start-assessment-button";
import { startAssessmentAction } from "@/app/(app)/assessments/actions";
import { loadOr404 } from "@/lib/http/load-or-404";
import { listProductUseCases } from "@/lib/db/use-cases";
import { UseCaseList } from "@/components/use-cases/use-case-list";
import { archiveProductAction } from "../actions";
import { ContradictionList } from "@/components/contradictions/contradiction-list";
import { productContradictions } from "@/lib/db/contradictions";
import { acknowledgeContradictionAction } from "./contradiction-actions";
import { VendorRequestsCard } from "@/components/vendor-requests/vendor-requests-card";
import { listVendorRequestsForProduct } from "@/lib/db/vendor-requests";

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const { productId } = await params;
  return recordTitle("vendor:read", (actor) => productName(actor, productId), (n) => `${n} · Products`, "Product");
}

export default async function ProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const actor = await requirePermission("vendor:read");
  const { productId } = await params;
  const { product, activity } = await loadOr404(getProductOverview(actor, productId));
  const [assessments, { result: score, input: scoringInput }, snapshots, contradictions] = await Promise.all([
    listAssessmentsForProduct(actor, productId),
    liveProductScore(actor, productId),
    listScoreSnapshots(actor, productId),
    productContradictions(actor, productId),
  ]);
  const useCases = await listProductUseCases(actor, productId);
  const vendorRequests = await listVendorRequestsForProduct(actor, productId);
  const canEdit = can(actor.role, "vendor:write") && !product.archivedAt;
  // Where "what moved the score" sends each fix: the current DPA, and a draft to answer in (else the latest submitted assessment).
  const draft = assessments.find((a) => a.status === "DRAFT" || a.status === "CHANGES_REQUESTED");
  const places = { productId: product.id, currentDpaId: product.dpas.find((d) => d.isCurrent)?.id ?? null, assessmentId: (draft ?? assessments.find((a) => a.submittedAt))?.id ?? null };
  const prompts = Object.fromEntries((scoringInput.questionnaire?.answers ?? []).map((a) => [a.key, a.prompt]));
  const reports = (await listReports(actor, { productId, useCaseId: undefined }, 1, 10)).rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy, shares: r._count.shareLinks }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/vendors/${product.vendor.id}`} className="text-brand-700 hover:underline">
          ← {product.vendor.name}
        </Link>
      </p>
      <PageHeader
        title={product.name}
        description={
          <>
            {product.vendor.name} {product.isSample ? <Badge tone="amber">Sample data — verify</Badge> : null} {product.archivedAt ? <Badge>Archived</Badge> : null}
          </>
        }
        actions={
          can(actor.role, "vendor:write") ? (
            <>
              {canEdit ? (
                <Link href={`/products/${product.id}/edit`} className={buttonClass("secondary")}>
                  Edit
                </Link>
              ) : null}
              <ConfirmButton
                label={product.archivedAt ? "Restore" : "Archive"}
                confirm={product.archivedAt ? `Restore ${product.name}?` : `Archive ${product.name}? It leaves the lists but its evidence and history are kept.`}
                action={archiveProductAction}
                input={{ id: product.id, archived: !product.archivedAt }}
              />
            </>
          ) : null
        }
      />
      <div className="space-y-6">
        <ScoreCard result={score} />
        <ScoreExplanation result={score} prompts={prompts} facts={product} places={places} />
        <ContradictionList
          contradictions={contradictions}
          productId={product.id}
          assessmentId={null}
          acknowledge={can(actor.role, "contradiction:acknowledge") && !product.archivedAt ? acknowledgeContradictionAction : undefined}
        />
        <ScoreHistory snapshots={snapshots.map((s) => ({ id: s.id, score: s.score, tier: s.tier, createdAt: s.createdAt, modelVersion: s.scoringModel.version }))} />
        <Card title="Facts">
          <ProductFacts product={product} />
          {product.description ? <p className="mt-3 text-sm text-slate-700">{product.description}</p> : null}
          <div className="mt-3">
            <FactSources product={product} />
          </div>
        </Card>
        <div id="assessments" className="scroll-mt-4">
        <Card
          title="Due-diligence assessments"
          action={can(actor.role, "assessment:fill") && !product.archivedAt ? <StartAssessmentButton productId={product.id} start={startAssessmentAction} hasDraft={assessments.some((a) => a.status === "DRAFT" || a.status === "CHANGES_REQUESTED")} /> : null}
        >
          {assessments.length === 0 ? (
            <p className="text-sm text-slate-600">No assessment yet. Start one to answer the due-diligence questionnaire for this product.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {assessments.map((a) => (
                <li key={a.id} className="flex items-center justify-between py-2">
                  <Link href={`/assessments/${a.id}`} className="text-brand-700 hover:underline">
                    {a.templateVersion.template.name} v{a.templateVersion.version} · started {a.createdAt.toISOString().slice(0, 10)}
                  </Link>
                  <Badge tone={a.status === "DRAFT" ? "slate" : "blue"}>{enumLabel(a.status)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        </div>
        <VendorRequestsCard productId={product.id} rows={vendorRequests} canSend={can(actor.role, "assessment:fill") && !product.archivedAt} />
        <ReportsCard rows={reports} generate={{ kind: "PRODUCT", productId: product.id }} canGenerate={can(actor.role, "report:create")} label="Generate product report" action={createReportAction} />
        <Card title="Client use cases">
          <UseCaseList
            caption={`Use cases of ${product.name}`}
            empty="No client uses this product yet. Propose a use case from the client's page."
            rows={useCases.map((u) => ({
              id: u.id,
              title: u.client.name,
              purpose: u.purpose,
              dataClasses: u.dataClasses,
              displayStatus: u.displayStatus,
              tier: u.currentTier,
              score: u.currentScore,
              validUntil: u.validUntil?.toISOString().slice(0, 10) ?? null,
            }))}
          />
        </Card>
        <DpaSection product={product} canEdit={canEdit} today={todayFor(actor)} />
        <CertificationSection product={product} canEdit={canEdit} today={todayFor(actor)} />
        <SubProcessorSection product={product} canEdit={canEdit} />
        <ActivityList events={activity} />
      </div>
    </>
  );
}
