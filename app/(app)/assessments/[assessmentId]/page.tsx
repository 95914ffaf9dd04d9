import type { Metadata } from "next";
import { assessmentProductName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { z } from "zod";
import Link from "next/link";
import { AssessmentFiller } from "@/components/assessments/assessment-filler";
import { SubmittedConfirmation } from "@/components/assessments/submitted-confirmation";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getAssessment, getProductFacts } from "@/lib/db/assessments";
import { getProductOverview } from "@/lib/db/products";
import { changesSincePreviousAssessment, listDecisions } from "@/lib/db/reviews";
import { ChangesSincePrevious } from "@/components/reviews/changes-since-previous";
import { latestSnapshotForAssessment, liveAssessmentScore } from "@/lib/db/scoring";
import { CertificationSection, DpaSection } from "@/components/products/product-evidence";
import { ScoreCard } from "@/components/scoring/score-card";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { DecisionForm } from "@/components/reviews/decision-form-lazy";
import { decideAssessmentAction } from "@/app/(app)/reviews/actions";
import { answerFromProduct } from "@/lib/domain/questionnaire/product-facts";
import { enumLabel } from "@/lib/domain/vocabulary";
import { loadOr404 } from "@/lib/http/load-or-404";
import { DecisionHistory } from "@/components/use-cases/decision-history";
import { recordConditionMetAction } from "@/app/(app)/use-cases/actions";
import { todayFor } from "@/lib/db/tenant";
import { listAnswerReviewNotes } from "@/lib/db/review-notes";
import { ReviewSummary } from "@/components/reviews/review-summary";
import { ReviewAnswers } from "@/components/reviews/review-answers";
import { answerRisks, riskyAnswerKeys } from "@/lib/domain/reviews/risky-answers";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import { addAnswerReviewNoteAction, applyAnswerToProductAction, saveAnswerAction, submitAssessmentAction } from "../actions";
import { ContradictionList } from "@/components/contradictions/contradiction-list";
import { productContradictions } from "@/lib/db/contradictions";
import { acknowledgeContradictionAction } from "@/app/(app)/products/[productId]/contradiction-actions";

export async function generateMetadata({ params }: { params: Promise<{ assessmentId: string }> }): Promise<Metadata> {
  const { assessmentId } = await params;
  return recordTitle("assessment:read", (actor) => assessmentProductName(actor, assessmentId), (n) => `Assessment · ${n} · Products`, "Assessment");
}

const questionParam = z.string().trim().max(100).regex(/^[A-Za-z0-9_.-]+$/).nullable().catch(null);

export default async function AssessmentPage({ params, searchParams }: { params: Promise<{ assessmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("assessment:read");
  const { assessmentId } = await params;
  const query = await searchParams;
  const riskyOnly = query.risky === "1";
  // Set by the filler after a successful submit: show the confirmation and what comes next.
  const justSubmitted = query.submitted === "1";
  // `?question=key` (the product page's "open the question"): the filler opens on it. An unknown key is ignored.
  const initialQuestion = questionParam.parse(query.question);
  const { assessment, version, answers } = await loadOr404(getAssessment(actor, assessmentId));
  const reviewing = can(actor.role, "assessment:decide") && assessment.status !== "DRAFT";
  const [productFacts, decisions, evidence, snapshot, sincePrevious, contradictions, reviewNotes] = await Promise.all([
    getProductFacts(actor, assessment.productId),
    listDecisions(actor, assessment.id),
    reviewing ? getProductOverview(actor, assessment.productId) : null,
    reviewing ? latestSnapshotForAssessment(actor, assessment.id) : null,
    reviewing ? changesSincePreviousAssessment(actor, assessment.id) : null,
    // The answers of this assessment against the product, DPA and evidence as they are now.
    productContradictions(actor, assessment.productId, { assessmentId: assessment.id }),
    listAnswerReviewNotes(actor, assessment.id),
  ]);
  const contradictionList = (
    <ContradictionList
      contradictions={contradictions}
      productId={assessment.productId}
      assessmentId={assessment.id}
      acknowledge={can(actor.role, "contradiction:acknowledge") ? acknowledgeContradictionAction : undefined}
    />
  );
  const facts = Object.fromEntries(
    version.definition.sections.flatMap((s) => s.questions).flatMap((q) => (q.productFact ? [[q.key, answerFromProduct(q.productFact, productFacts)] as const] : [])),
  );
  const editable = can(actor.role, "assessment:fill") && (assessment.status === "DRAFT" || assessment.status === "CHANGES_REQUESTED");
  const initialLiveScore = editable ? await liveAssessmentScore(actor, assessment.id) : null;
  const files = Object.fromEntries(Object.values(answers).flatMap((a) => a.files.map((f) => [f.id, f] as const)));
  const lastSaved = Object.values(answers).reduce<Date | null>((latest, a) => (!latest || a.updatedAt > latest ? a.updatedAt : latest), null);
  const notesForBrowser = Object.fromEntries(Object.entries(reviewNotes).map(([k, list]) => [k, list.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))]));

  // The review reads the score frozen at submission: which answers fell short or raised a flag.
  const result = (snapshot?.result as unknown as ScoreResult | undefined) ?? null;
  const questions = version.definition.sections.flatMap((s) => s.questions);
  const risks = answerRisks(questions, result?.contributions ?? [], result?.flags ?? []);
  const riskyCount = riskyAnswerKeys(questions, risks).length;
  const awaitingDecision = can(actor.role, "assessment:decide") && assessment.status === "SUBMITTED";
  const latestDecision = decisions[0];
  const canNote = awaitingDecision && assessment.submittedById !== actor.userId;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/products/${assessment.product.id}`} className="text-brand-700 hover:underline">
          ← {assessment.product.vendor.name} — {assessment.product.name}
        </Link>
      </p>
      <PageHeader
        title={`Due diligence: ${assessment.product.name}`}
        description={
          <>
            {version.definition.name}, version {version.version} · <Badge tone={assessment.status === "DRAFT" ? "slate" : "blue"}>{enumLabel(assessment.status)}</Badge>
          </>
        }
        actions={
          <>
            <a className={buttonClass("secondary")} href={`/api/assessments/${assessment.id}/export`}>
              Export XLSX
            </a>
            <a className={buttonClass("secondary")} href={`/api/assessments/${assessment.id}/export?format=csv`}>
              Export CSV
            </a>
          </>
        }
      />
      {justSubmitted && assessment.status === "SUBMITTED" && !reviewing ? <SubmittedConfirmation productId={assessment.product.id} productName={assessment.product.name} canPropose={can(actor.role, "usecase:write")} /> : null}
      {reviewing ? (
        <div className="space-y-6" aria-label="Review">
          <ReviewSummary
            result={result}
            riskyCount={riskyCount}
            answeredCount={questions.length}
            sincePrevious={sincePrevious ? { submittedAt: sincePrevious.previous.submittedAt, changes: sincePrevious.changes } : null}
            contradictions={contradictions.open.map((c) => ({ id: c.key, text: `${c.title}: ${c.left.label} says “${c.left.value}”; ${c.right.label} says “${c.right.value}”.` }))}
            decision={awaitingDecision ? "pending" : latestDecision ? { outcome: latestDecision.outcome, decidedBy: latestDecision.decidedBy, decidedAt: latestDecision.decidedAt } : null}
          />
          <ReviewAnswers
            assessmentId={assessment.id}
            initialRiskyOnly={riskyOnly}
            addNote={canNote ? addAnswerReviewNoteAction : undefined}
            sections={version.definition.sections.map((s) => ({
              key: s.key,
              title: s.title,
              rows: s.questions.map((q) => {
                const a = answers[q.key];
                const risk = risks.get(q.key);
                const byVendor = a?.vendor ? ` (answered by vendor contact ${a.vendor.contactName} on ${a.vendor.answeredAt.toISOString().slice(0, 10)})` : "";
                return { key: q.key, prompt: q.prompt, shown: `${displayAnswer(q, a)}${byVendor}`, comment: a?.comment ?? null, files: a?.files ?? [], points: risk?.points ?? null, reasons: risk?.reasons ?? [], notes: notesForBrowser[q.key] ?? [] };
              }),
            }))}
          />
          <div id="contradictions" className="scroll-mt-4">
            {contradictionList}
          </div>
          {sincePrevious ? (
            <div id="changes">
              <ChangesSincePrevious previous={sincePrevious.previous} changes={sincePrevious.changes} />
            </div>
          ) : null}
          {result ? <ScoreCard result={result} /> : null}
          {evidence ? (
            <>
              <DpaSection product={evidence.product} canEdit={false} today={todayFor(actor)} />
              <CertificationSection product={evidence.product} canEdit={false} today={todayFor(actor)} />
            </>
          ) : null}
          {awaitingDecision ? (
            <div id="decision" className="scroll-mt-4">
              {assessment.submittedById === actor.userId ? (
                <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  You submitted this assessment, so someone else must decide it (separation of duties).
                </p>
              ) : (
                <DecisionForm assessmentId={assessment.id} decide={decideAssessmentAction} />
              )}
            </div>
          ) : null}
        </div>
      ) : null}
      {decisions.length ? (
        <Card title={awaitingDecision ? "Earlier decisions" : "Decision"} className="my-6">
          <DecisionHistory decisions={decisions} today={todayFor(actor)} recordMet={can(actor.role, "condition:record") ? recordConditionMetAction : undefined} />
        </Card>
      ) : null}
      {reviewing ? null : <div className="mb-6">{contradictionList}</div>}
      {reviewing ? null : (
      <AssessmentFiller
        reviewNotes={notesForBrowser}
        answeredByVendor={Object.fromEntries(Object.entries(answers).flatMap(([k, a]) => (a.vendor ? [[k, `Answered by vendor contact ${a.vendor.contactName} on ${a.vendor.answeredAt.toISOString().slice(0, 10)}`] as const] : [])))}
        assessmentId={assessment.id}
        definition={version.definition}
        initialAnswers={Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, { value: a.value, comment: a.comment }]))}
        initialFiles={files}
        lastSavedAt={lastSaved?.toISOString() ?? null}
        readOnly={!editable}
        productFacts={facts}
        canUpdateProduct={can(actor.role, "vendor:write")}
        applyToProduct={applyAnswerToProductAction}
        saveAnswer={saveAnswerAction}
        submit={submitAssessmentAction}
        initialLiveScore={initialLiveScore}
        initialQuestion={initialQuestion && questions.some((q) => q.key === initialQuestion) ? initialQuestion : null}
      />
      )}
    </>
  );
}
