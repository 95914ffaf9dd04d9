"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { AsyncCombobox } from "@/components/ui/async-combobox";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain/vocabulary";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  client: string | null;
  clientId: string | null;
  active: boolean;
  lastSignInAt: string | null;
  mfaEnabled: boolean;
}

type Act = (raw: unknown) => Promise<ActionResult<unknown>>;

function MemberRowView({ member, isSelf, changeRole, setActive, resetMfa }: { member: MemberRow; isSelf: boolean; changeRole: Act; setActive: Act; resetMfa: Act }) {
  const [role, setRole] = useState<Role>(member.role);
  const [clientId, setClientId] = useState(member.clientId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const dirty = role !== member.role || (role === "CLIENT_VIEWER" && clientId !== (member.clientId ?? ""));

  const run = (action: Act, input: unknown) =>
    start(async () => {
      setError(null);
      const result = await action(input);
      if (!result.ok) setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
    });

  return (
    <tr className="block border-t border-slate-100 py-2 align-top md:table-row md:py-0" data-testid={`user-row-${member.email}`}>
      <td className="block px-3 py-1 md:table-cell md:py-2">
        <Link href={`/settings/users/${member.userId}`} className="block font-medium text-slate-800 hover:underline">{member.name}</Link>
        <p className="break-all text-xs text-slate-500">{member.email}</p>
        <p className="text-xs text-slate-500">Last sign-in: {member.lastSignInAt ? new Date(member.lastSignInAt).toLocaleString() : "Never"}</p>
      </td>
      <td className="block px-3 py-1 md:table-cell md:py-2">
        <label className="sr-only" htmlFor={`role-${member.userId}`}>
          Role of {member.email}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <select id={`role-${member.userId}`} value={role} onChange={(e) => setRole(e.target.value as Role)} className="rounded-md border border-slate-300 px-2 py-1 text-sm" disabled={pending || !member.active}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          {role === "CLIENT_VIEWER" ? (
            // Clients are searched on the server (issue 17), not listed in every viewer's row.
            <AsyncCombobox
              label={`Client of ${member.email}`}
              labelClassName="sr-only"
              source="/api/pickers/clients"
              placeholder="Type a client name…"
              value={clientId}
              selectedLabel={member.client ?? undefined}
              onChange={(option) => setClientId(option?.id ?? "")}
              disabled={pending}
              className="w-56"
            />
          ) : null}
          {dirty ? (
            <Button variant="secondary" className="px-2 py-1" disabled={pending} onClick={() => run(changeRole, { userId: member.userId, role, clientId: clientId || null })}>
              Save role
            </Button>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {error}
          </p>
        ) : null}
      </td>
      <td className="block px-3 py-1 md:table-cell md:py-2">
        <span className="flex flex-wrap gap-1">
          {member.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}
          {member.mfaEnabled ? <Badge tone="blue">Two-step on</Badge> : <Badge>Two-step off</Badge>}
        </span>
      </td>
      <td className="block px-3 py-1 md:table-cell md:w-44 md:py-2 md:text-right">
        <span className="flex flex-wrap gap-1 md:justify-end">
        {member.mfaEnabled && !isSelf ? (
          <Button
            variant="secondary"
            className="px-2 py-1"
            disabled={pending}
            aria-label={`Reset two-step verification of ${member.email}`}
            onClick={() => {
              if (window.confirm(`Reset two-step verification for ${member.email}? Do this only when you have confirmed who is asking (their device is lost). They are signed out and must set it up again.`)) run(resetMfa, { userId: member.userId });
            }}
          >
            Reset two-step
          </Button>
        ) : null}
        {isSelf ? (
          <span className="text-xs text-slate-500">You</span>
        ) : member.active ? (
          <Button
            variant="secondary"
            className="px-2 py-1 text-red-700"
            disabled={pending}
            onClick={() => {
              if (window.confirm(`Deactivate ${member.email}? They are signed out at once and cannot sign in until reactivated.`)) run(setActive, { userId: member.userId, active: false });
            }}
          >
            Deactivate
          </Button>
        ) : (
          <Button variant="secondary" className="px-2 py-1" disabled={pending} onClick={() => run(setActive, { userId: member.userId, active: true })}>
            Reactivate
          </Button>
        )}
        </span>
      </td>
    </tr>
  );
}

export function UsersTable({ members, currentUserId, changeRole, setActive, resetMfa }: { members: MemberRow[]; currentUserId: string; changeRole: Act; setActive: Act; resetMfa: Act }) {
  return (
    // Four columns that fit beside the navigation at 1280 px, actions last and always in view;
    // below 768 px each user is a stacked block instead of a row to scroll sideways.
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Users of your organisation</caption>
        <thead className="hidden bg-slate-50 text-xs uppercase tracking-wide text-slate-500 md:table-header-group">
          <tr>
            <th scope="col" className="px-3 py-2">User</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2 text-right">Actions</th>
          </tr>
        </thead>
        <tbody className="block md:table-row-group">
          {members.map((m) => (
            <MemberRowView key={m.userId} member={m} isSelf={m.userId === currentUserId} changeRole={changeRole} setActive={setActive} resetMfa={resetMfa} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
