import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { linkState } from "@/components/vendor-requests/vendor-requests-card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getVendorRequest } from "@/lib/db/vendor-requests";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { loadOr404 } from "@/lib/http/load-or-404";
import { revokeVendorRequestAction } from "../actions";

export const metadata: Metadata = { title: "Vendor questionnaire" };

/** A questionnaire sent to a vendor: its state, the vendor's answers and the link's access log. */
export default async function VendorRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const actor = await requirePermission("assessment:read");
  const { requestId } = await params;
  const { request, sections, owner } = await loadOr404(getVendorRequest(actor, requestId));
  const state = linkState(request);
  const canManage = can(actor.role, "assessment:fill");
  const answers = new Map(request.answers.map((a) => [a.questionKey, a]));
  const files = new Map(request.uploads.map((u) => [u.file.id, u.file]));
  const live = !request.revokedAt && request.expiresAt > new Date();
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
        {sections.map((section) => (
          <Card key={section.key} title={section.title}>
            <ul className="divide-y divide-slate-100">
              {section.questions.map((q) => {
                const a = answers.get(q.key);
                const shown = a ? displayAnswer(q, { value: (a.value as AnswerValue) ?? null, files: ((a.value as string[] | null) ?? []).map((id) => files.get(id) ?? { originalName: "file" }) }) : "";
                return (
                  <li key={q.key} className="py-3 text-sm" data-testid={`vendor-answer-${q.key}`}>
                    <p className="font-medium text-slate-900">{q.prompt}</p>
                    <p className="mt-1 text-slate-700">
                      {q.type === "FILE" && a
                        ? ((a.value as string[] | null) ?? []).map((id) => (
                            <a key={id} href={`/api/files/${id}`} className="mr-3 text-brand-700 hover:underline">
                              {files.get(id)?.originalName ?? "file"}
                            </a>
                          ))
                        : shown || <span className="text-slate-500">Not answered</span>}
                    </p>
                    {a?.comment ? <p className="mt-1 text-xs text-slate-600">Vendor&apos;s comment: {a.comment}</p> : null}
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
            <div className="overflow-x-auto">
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
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
