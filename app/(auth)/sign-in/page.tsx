import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { getActor } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import { SIGN_IN_ERRORS } from "@/lib/auth/options";
import { discoverSsoAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor.role));
  const { error } = await searchParams;
  const initialError = error ? (SIGN_IN_ERRORS[error as keyof typeof SIGN_IN_ERRORS] ?? SIGN_IN_ERRORS.CredentialsSignin) : null;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-3xl font-semibold tracking-tight text-brand-900">Vetta</p>
          <p className="mt-1 text-sm text-slate-600">AI vendor due diligence, with evidence.</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          <SignInForm initialError={initialError} messages={SIGN_IN_ERRORS} />
          <div className="my-4 flex items-center gap-3 text-xs text-slate-600" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <SsoSignIn discover={discoverSsoAction} />
        </div>
      </div>
    </main>
  );
}
