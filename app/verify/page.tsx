import type { Metadata } from "next";
import { PublicShell } from "@/components/shell/public-shell";
import { VerifyForm } from "@/components/reports/verify-form";
import { verifyReportAction } from "./actions";

export const metadata: Metadata = { title: "Verify a report" };

/** Public: anyone holding a Vetta report can check it is genuine and unaltered. */
export default function VerifyPage() {
  return (
    <PublicShell width="max-w-xl">
      <h1 className="text-2xl font-semibold text-slate-900">Verify a report</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        Upload a Vetta risk report&apos;s PDF to check it is genuine and has not been changed by a single byte, or enter the content SHA-256 or report ID printed on its last page.
      </p>
      <VerifyForm verify={verifyReportAction} />
    </PublicShell>
  );
}
