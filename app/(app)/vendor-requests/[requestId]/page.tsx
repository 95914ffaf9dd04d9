import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { linkState } from "@/components/vendor-requests/vendor-requests-card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getVendorRequest } from "@/lib/db/vendor-requests";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { loadOr404 } from "@/lib/http/load-or-404";
import { acceptAllPendingAction, applyVendorFactAction, returnAnswersToVendorAction, reviewVendorAnswerAction, revokeVendorRequestAction } from "../actions";
import { AnswerVerdict } from "@/components/vendor-requests/answer-verdict";
import { ContradictionList } from "@/components/contradictions/contradiction-list";
import { vendorAnswersAgainstRecord } from "@/lib/db/vendor-request-review";
import { sameAnswer } from "@/lib/domain/questionnaire/product-facts";

export const metadata: Metadata = { title: "Vendor questionnaire" };

const REVIEW_WORDS = { PENDING: { label: "To review", tone: "amber" }, ACCEPTED: { label: "Accepted", tone: "green" }, RETURNED: { label: "Returned", tone: "red" } } as const;

/**
 * A questionnaire sent to a vendor: its state, each answer beside the product record with its
 * verdict (accept, or return with a comment), contradictions with the record, and the link's log.
 */
export default async function VendorRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const actor = await requirePermission("assessment:read");
  const { requestId } = await params;
  const { request, sections, owner } = await loadOr404(getVendorRequest(actor, requestId));
  const state = linkState(request);
  const canManage = can(actor.role, "assessment:fill");
  const answers = new Map(request.answers.map((a) => [a.questionKey, a]));
  const files = new Map(request.uploads.map((u) => [u.file.id, u.file]));
  const live = !request.revokedAt && request.expiresAt > new Date();
  const { recorded, contradictions } = await vendorAnswersAgainstRecord(actor, request);
  const reviewing = canManage && (request.status === "SUBMITTED" || request.status === "RETURNED");
  const returnedCount = request.answers.filter((a) => a.review === "RETURNED").length;
  const canApply = can(actor.role, "vendor:write") && !request.product.archivedAt;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/products/${request.product.id}`} className="text-brand-700 hover:underline">
          ← {request.product.vendor.name} {request.product.name}
        </Link>
      </p>
      <PageHeader
        title={`Questionnaire for ${request.contactName}`}
        description={
          <>
            {request.contactEmail} · due {request.dueOn} · sent by {owner?.name ?? "a former user"} <Badge tone={state.tone}>{state.label}</Badge>
          </>
        }
        actions={
          canManage && live ? (
            <ConfirmButton label="Revoke link" confirm="Revoke this link? The vendor can no longer open it; their answers so far are kept." action={revokeVendorRequestAction} input={{ requestId: request.id }} />
          ) : null
        }
      />
      <div className="space-y-6">
        {request.status === "OPEN" ? <p className="text-sm text-slate-600">The vendor has not sent the answers yet; answers saved so far show below.</p> : null}
        {canManage && request.status === "SUBMITTED" && returnedCount > 0 && live ? (
          <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <span>{returnedCount} answer(s) returned. When you have judged the rest, send them back: the vendor changes them on the same link.</span>
            <ConfirmButton label="Send returned answers to the vendor" variant="primary" action={returnAnswersToVendorAction} input={{ requestId: request.id }} />
          </div>
        ) : null}
        {reviewing && request.answers.some((a) => a.review === "PENDING") ? (
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <span>{request.answers.filter((a) => a.review === "PENDING").length} answer(s) to review.</span>
            <ConfirmButton label="Accept every answer still to review" confirm="Accept every answer still to review? Each fills the assessment." action={acceptAllPendingAction} input={{ requestId: request.id }} />
          </div>
        ) : null}
        {request.assessmentId ? (
          <p className="text-sm">
            Accepted answers fill{" "}
            <Link href={`/assessments/${request.assessmentId}`} className="text-brand-700 hover:underline">
              the product&apos;s assessment
            </Link>
            {request.status === "COMPLETED" ? ": every answer is accepted; open it to submit it for compliance review." : "."}
          </p>
        ) : null}
        {contradictions.length ? <ContradictionList contradictions={{ open: contradictions, acknowledged: [] }} productId={request.product.id} assessmentId={null} /> : null}
        {sections.map((section) => (
          <Card key={section.key} title={section.title}>
            <ul className="divide-y divide-slate-100">
              {section.questions.map((q) => {
                const a = answers.get(q.key);
                const shown = a ? displayAnswer(q, { value: (a.value as AnswerValue) ?? null, files: q.type === "FILE" && Array.isArray(a.value) ? (a.value as string[]).map((id) => files.get(id) ?? { originalName: "file" }) : [] }) : "";
                return (
                  <li key={q.key} className="py-3 text-sm" data-testid={`vendor-answer-${q.key}`}>
                    <p className="font-medium text-slate-900">{q.prompt}</p>
                    <p className="mt-1 text-slate-700">
                      {q.type === "FILE" && a && Array.isArray(a.value)
                        ? (a.value as string[]).map((id) => (
                            <a key={id} href={`/api/files/${id}`} className="mr-3 text-brand-700 hover:underline">
                              {files.get(id)?.originalName ?? "file"}
                            </a>
                          ))
                        : shown || <span className="text-slate-500">Not answered</span>}
                    </p>
                    {a?.comment ? <p className="mt-1 text-xs text-slate-600">Vendor&apos;s comment: {a.comment}</p> : null}
                    {q.key in recorded ? (
                      <p className="mt-1 text-xs text-slate-600">
                        Product record: {displayAnswer(q, { value: recorded[q.key] ?? null }) || "does not say"}
                        {a && a.value !== null && !sameAnswer(a.value as AnswerValue, recorded[q.key] ?? null) ? <strong className="ml-1 text-amber-800">(differs)</strong> : null}
                      </p>
                    ) : null}
                    {a ? (
                      <p className="mt-1">
                        <Badge tone={REVIEW_WORDS[a.review].tone}>{REVIEW_WORDS[a.review].label}</Badge>
                        {a.prefilled ? <span className="ml-2 text-xs text-slate-500">copied from the last request, not yet confirmed</span> : null}
                      </p>
                    ) : null}
                    {a?.review === "RETURNED" && a.returnComment ? <p className="mt-1 text-xs text-red-800">Returned: {a.returnComment}</p> : null}
                    {a && reviewing && a.review === "PENDING" ? <AnswerVerdict requestId={request.id} questionKey={q.key} prompt={q.prompt} review={reviewVendorAnswerAction} /> : null}
                    {a?.review === "ACCEPTED" && q.productFact && canApply && a.value !== null && !sameAnswer(a.value as AnswerValue, recorded[q.key] ?? null) ? (
                      <div className="mt-2">
                        <ConfirmButton label="Put this on the product record" confirm={`Record the vendor's answer on ${request.product.name}? The change is audited and the product is rescored.`} action={applyVendorFactAction} input={{ requestId: request.id, questionKey: q.key }} />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </Card>
        ))}
        <Card title="Link access log">
          {request.accesses.length === 0 ? (
            <p className="text-sm text-slate-600">The link has not been used yet.</p>
          ) : (
            <ScrollRegion label="Link access log">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">Uses of the vendor&apos;s link, newest first</caption>
                <thead className="text-xs text-slate-500">
                  <tr>
                    <th className="py-1 pr-4">When (UTC)</th>
                    <th className="py-1 pr-4">What</th>
                    <th className="py-1 pr-4">IP</th>
                    <th className="py-1">Browser</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {request.accesses.map((l) => (
                    <tr key={l.id}>
                      <td className="py-1 pr-4 whitespace-nowrap">{l.at.toISOString().slice(0, 19).replace("T", " ")}</td>
                      <td className="py-1 pr-4">{l.action}</td>
                      <td className="py-1 pr-4">{l.ip ?? "—"}</td>
                      <td className="max-w-xs truncate py-1">{l.userAgent ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </Card>
      </div>
    </>
  );
}
