"use server";

import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { fieldErrorsOf } from "@/lib/http/action-result";
import { takeVerifyAttempt } from "@/lib/db/sign-in-throttle";
import { verifyReportFile, verifyReportReference, type VerifyOutcome } from "@/lib/db/reports";
import type { VerifyState } from "@/lib/domain/reports/verify-outcome";
import { verifyReferenceInput } from "@/lib/validation/reports";


const MAX_BYTES = 25 * 1024 * 1024;

const plain = (outcome: VerifyOutcome): VerifyState => ({
  ok: true,
  outcome: outcome.result === "GENUINE" ? { ...outcome, report: { id: outcome.report.id, kind: outcome.report.kind, title: outcome.report.title, createdAt: outcome.report.createdAt.toISOString(), contentSha256: outcome.report.contentSha256, organizationName: outcome.report.organizationName } } : outcome,
});

/** Public: is this PDF (or this hash or id) a genuine, unaltered Vetta report? */
export async function verifyReportAction(_prev: VerifyState | null, form: FormData): Promise<VerifyState> {
  // Only the form sends this; anything else is refused before it counts against the limit.
  if (!(form instanceof FormData)) return { ok: false, error: "Choose the report's PDF, or enter its SHA-256 or id.", fieldErrors: { reference: "Enter the report's SHA-256 or its id." } };
  const until = await takeVerifyAttempt(clientIpFrom(await headers()) ?? "unknown");
  if (until) return { ok: false, error: `Too many checks from your network. Try again after ${until.toISOString().slice(11, 16)} UTC.` };
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_BYTES) return { ok: false, error: "That file is larger than any Vetta report.", fieldErrors: { file: "Choose a PDF under 25 MB." } };
    return plain(await verifyReportFile(new Uint8Array(await file.arrayBuffer())));
  }
  const parsed = verifyReferenceInput.safeParse({ reference: form.get("reference") ?? "" });
  if (!parsed.success) return { ok: false, error: "Choose the report's PDF, or enter its SHA-256 or id.", fieldErrors: fieldErrorsOf(parsed.error) };
  return plain(await verifyReportReference(parsed.data.reference));
}
