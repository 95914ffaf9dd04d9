import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { findLiveReset } from "@/lib/db/passwords";
import { RESET_TOKEN_PATTERN } from "@/lib/validation/password";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Set a new password", robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = RESET_TOKEN_PATTERN.test(token) ? await findLiveReset(token) : null;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-8 text-center text-3xl font-semibold tracking-tight text-brand-900">Vetta</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">Set a new password</h1>
          {live ? (
            <>
              <p className="mb-4 text-sm text-slate-600">For {live.email}. Setting it signs you out everywhere.</p>
              <ResetPasswordForm token={token} action={resetPasswordAction} />
            </>
          ) : (
            <p role="alert" className="text-sm text-slate-700">
              This link has expired or was already used. Ask your admin for a new one, or{" "}
              <Link href="/sign-in" className="text-brand-700 underline">
                sign in
              </Link>
              .
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
