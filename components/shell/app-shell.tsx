import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "@/lib/domain/vocabulary";
import { NavLinks } from "./nav-links";
import { ShellFrame } from "./shell-frame";
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
    <ShellFrame
      bell={bell}
      sidebar={
        <>
          <div className="border-b border-slate-100 px-4 py-4">
            <p className="text-lg font-semibold text-brand-900">Vetta</p>
            <p className="truncate text-xs text-slate-500" data-testid="organization-name">
              {user.organizationName}
            </p>
          </div>
          <div className="px-2 py-3 lg:flex-1">
            <NavLinks items={nav} />
          </div>
          <div className="border-t border-slate-100 px-2 py-3">
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
        </>
      }
    >
      {children}
    </ShellFrame>
  );
}
