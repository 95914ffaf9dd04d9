import Link from "next/link";
import { notFound } from "next/navigation";
import { signOutEverywhereAction } from "@/app/actions";
import { SignOutButtons } from "@/components/shell/sign-out-buttons";
import { requireActor } from "@/lib/auth/session";

/** What a client viewer sees. MSP staff use the app itself. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (actor.role !== "CLIENT_VIEWER") notFound();
  return (
    <div className="min-h-screen">
      {/* Wraps on a phone rather than pushing Sign out off the screen. */}
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 sm:px-6">
        <div>
          <p className="text-lg font-semibold text-brand-900">Vetta</p>
          <p className="text-xs text-slate-500">Shared by {actor.organizationName}</p>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <nav aria-label="Portal" className="flex gap-3 text-sm">
            <Link href="/portal" className="text-brand-700 hover:underline">
              Shared reports
            </Link>
            <Link href="/portal/security" className="text-brand-700 hover:underline">
              Account security
            </Link>
          </nav>
          <div className="min-w-0 sm:text-right">
            <p className="text-sm font-medium" data-testid="user-name">{actor.name}</p>
            <p className="break-all text-xs text-slate-500">{actor.email}</p>
          </div>
          <SignOutButtons signOutEverywhere={signOutEverywhereAction} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
