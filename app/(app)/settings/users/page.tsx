import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { z } from "zod";
import { PageHeader } from "@/components/ui/card";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { listMembers } from "@/lib/db/users";
import { organizationMfaPolicy } from "@/lib/db/mfa";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { changeRoleAction, createUserAction, resetMemberMfaAction, setRequireMfaAction, setUserActiveAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

// `mfa=off`: active staff without two-step verification (the admin home's tile opens this view).
const params = z.object({ mfa: z.enum(["off"]).optional().catch(undefined) });

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("user:manage");
  const raw = await searchParams;
  const { mfa: mfaFilter } = params.parse({ mfa: typeof raw.mfa === "string" ? raw.mfa : undefined });
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to your organisation, and with which role. Changes apply on the user's next request."
        actions={
          <a className={buttonClass("secondary")} href="/api/users?format=csv" download>
            Export access review (CSV)
          </a>
        }
      />
      {/* Keyed on the view: "without two-step" and "everyone" each show the skeleton until their rows arrive. */}
      <Suspense key={mfaFilter ?? "all"} fallback={<ListSkeleton label="users" />}>
        <UsersBody actor={actor} mfaFilter={mfaFilter} />
      </Suspense>
    </>
  );
}

/** The queries run here, below the Suspense boundary: the role check above (admins only) has already answered 404 to anyone else. */
async function UsersBody({ actor, mfaFilter }: { actor: Actor; mfaFilter: "off" | undefined }) {
  // No client list: the client pickers search as you type (issue 17).
  const [allMembers, mfa] = await Promise.all([listMembers(actor), organizationMfaPolicy(actor)]);
  const members = mfaFilter === "off" ? allMembers.filter((m) => m.active && m.role !== "CLIENT_VIEWER" && !m.mfaEnabled) : allMembers;
  return (
    <>
      <Card title="Two-step verification" className="mb-6">
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm" data-testid="mfa-policy">
          <p>
            {mfa.requireMfa ? (
              <>
                <strong>Required</strong> for MSP staff: anyone without it is sent to set it up before they can use Vetta.
              </>
            ) : (
              <>
                <strong>Not required.</strong> Your policy asks for MFA for MSP staff; require it here.
              </>
            )}{" "}
            {mfa.staffWithoutMfa === 0 ? "All active staff have it on." : `${mfa.staffWithoutMfa} active staff member${mfa.staffWithoutMfa === 1 ? " has" : "s have"} not set it up.`}
          </p>
          {mfa.requireMfa ? (
            <ConfirmButton label="Stop requiring it" confirm="Stop requiring two-step verification? Staff may then sign in with a password alone." action={setRequireMfaAction} input={{ requireMfa: false }} />
          ) : (
            <ConfirmButton label="Require two-step verification" variant="primary" confirm="Require two-step verification for all MSP staff? Those without it must set it up on their next request." action={setRequireMfaAction} input={{ requireMfa: true }} />
          )}
        </div>
      </Card>
      {mfaFilter === "off" ? (
        <p className="mb-4 text-sm text-slate-700" data-testid="users-filtered">
          Showing the {members.length} active staff member{members.length === 1 ? "" : "s"} without two-step verification.{" "}
          <Link href="/settings/users" className="text-brand-700 underline">
            Show everyone
          </Link>
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <UsersTable
          members={members.map((m) => ({ ...m, client: m.client?.name ?? null, clientId: m.client?.id ?? null, lastSignInAt: m.lastSignInAt?.toISOString() ?? null }))}
          currentUserId={actor.userId}
          changeRole={changeRoleAction}
          setActive={setUserActiveAction}
          resetMfa={resetMemberMfaAction}
        />
        <CreateUserForm createUser={createUserAction} />
      </div>
    </>
  );
}
