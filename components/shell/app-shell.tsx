import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "@/lib/domain/vocabulary";
import { NavLinks } from "./nav-links";
import { SignOutButtons } from "./sign-out-buttons";

export interface ShellUser {
  name: string;
  email: string;
  role: Role;
  organizationName: string;
}

export function AppShell({
  user,
  nav,
  signOutEverywhere,
  bell,
  children,
}: {
  /** The notification bell, top right of every page. */
  bell?: ReactNode;
  user: ShellUser;
  nav: Array<{ href: string; label: string }>;
  signOutEverywhere: () => Promise<unknown>;
  children: ReactNode;
}) {
  return (
    // Phones (under 768 px) get the navigation above the page instead of a 240 px column beside it.
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex w-full shrink-0 flex-col border-b border-slate-200 bg-white md:w-60 md:border-r md:border-b-0">
        <div className="border-b border-slate-100 px-4 py-4">
          <p className="text-lg font-semibold text-brand-900">Vetta</p>
          <p className="truncate text-xs text-slate-500" data-testid="organization-name">
            {user.organizationName}
          </p>
        </div>
        <div className="px-2 py-2 md:flex-1 md:py-3">
          <NavLinks items={nav} />
        </div>
        <div className="border-t border-slate-100 px-2 py-2 md:py-3">
          <div className="px-3 pb-2">
            <p className="truncate text-sm font-medium text-slate-800" data-testid="user-name">
              {user.name}
            </p>
            <p className="truncate text-xs text-slate-500">{user.email}</p>
            <p className="text-xs text-slate-500" data-testid="user-role">
              {ROLE_LABELS[user.role]}
            </p>
          </div>
          <SignOutButtons signOutEverywhere={signOutEverywhere} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        {bell ? <div className="flex justify-end border-b border-slate-200 bg-white px-4 py-1.5 md:px-8">{bell}</div> : null}
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
