import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { PasscodeForm } from "@/components/reports/passcode-form";
import { PublicShell } from "@/components/shell/public-shell";
import { VendorQuestionnaire } from "@/components/vendor-requests/vendor-questionnaire";
import { openVendorLink, VENDOR_COOKIE } from "@/lib/auth/vendor-link-access";
import { recordVendorAccess, vendorRequestView } from "@/lib/db/vendor-request-link";
import { currentVisitor } from "@/lib/http/vendor-link-request";
import { saveVendorAnswerAction, submitVendorAnswersAction, unlockVendorLinkAction } from "./actions";

export const metadata: Metadata = { title: "Questionnaire", robots: { index: false, follow: false }, referrer: "no-referrer" };

const STATUS_WORDS = {
  OPEN: null,
  SUBMITTED: "Thank you: your answers were sent. They are being reviewed; if any is returned to you, it will show here on the same link.",
  RETURNED: "Some answers were returned to you with a comment. Change them (or add a comment) and send them again.",
  COMPLETED: "Thank you: every answer was accepted.",
} as const;

/**
 * A vendor answers a questionnaire here, without an account: the link is the credential. Only
 * this request's questions, answers and files and the MSP's and product's names are shown.
 * Unknown, revoked and expired links are the same plain 404. next.config.ts sends these pages
 * with Cache-Control: no-store and Referrer-Policy: no-referrer.
 */
export default async function VendorQuestionnairePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const visitor = await currentVisitor();
  const opened = await openVendorLink(token, visitor, (await cookies()).get(VENDOR_COOKIE)?.value);
  if (opened.state === "NOT_FOUND") notFound();
  if (opened.state === "THROTTLED") {
    return (
      <PublicShell>
        <h1 className="text-lg font-semibold text-slate-900">Too many requests</h1>
        <p className="text-sm text-slate-600">Too many requests came from your network. Try again in 15 minutes.</p>
      </PublicShell>
    );
  }
  if (opened.state === "PASSCODE_REQUIRED") {
    return (
      <PublicShell>
        <div className="mx-auto max-w-sm rounded-lg border border-slate-200 bg-white p-6">
          <h1 className="mb-1 text-lg font-semibold text-slate-900">This questionnaire is protected</h1>
          <p className="mb-4 text-sm text-slate-600">Enter the passcode you were given separately from the link.</p>
          <PasscodeForm token={token} unlock={unlockVendorLinkAction} what="questionnaire" />
        </div>
      </PublicShell>
    );
  }
  await recordVendorAccess(opened.request, "OPEN", visitor);
  const view = await vendorRequestView(opened.request);
  const note = STATUS_WORDS[view.status];
  return (
    <PublicShell width="max-w-5xl">
      <div className="mb-6 space-y-2">
        <p className="text-sm font-medium text-brand-700">{view.organizationName} asks</p>
        <h1 className="text-2xl font-semibold text-slate-900">
          {view.questionnaireName}: {view.vendorName} {view.productName}
        </h1>
        <p className="text-sm text-slate-600">
          For {view.contactName} · due {view.dueOn} · this link works until {view.expiresAt.slice(0, 10)}
        </p>
        {view.message ? <p className="whitespace-pre-line rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700">{view.message}</p> : null}
        {note ? (
          <p role="status" className="rounded-md border border-brand-200 bg-brand-50 p-3 text-sm text-brand-900">
            {note}
          </p>
        ) : null}
      </div>
      <VendorQuestionnaire
        token={token}
        requestId={opened.request.id}
        status={view.status}
        sections={view.sections}
        answers={view.answers}
        files={view.files}
        save={saveVendorAnswerAction}
        submit={submitVendorAnswersAction}
      />
    </PublicShell>
  );
}
