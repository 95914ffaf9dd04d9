import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { requirePermission } from "@/lib/auth/session";
import { listClientOptions } from "@/lib/db/clients";
import { listMembers } from "@/lib/db/users";
import { changeRoleAction, createUserAction, setUserActiveAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePermission("user:manage");
  const [members, clients] = await Promise.all([listMembers(actor), listClientOptions(actor)]);
  return (
    <>
      <PageHeader title="Users" description="Who can sign in to your organisation, and with which role. Changes apply on the user's next request." />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <UsersTable
          members={members.map((m) => ({ ...m, client: m.client?.name ?? null, clientId: m.client?.id ?? null, lastSignInAt: m.lastSignInAt?.toISOString() ?? null }))}
          clients={clients}
          currentUserId={actor.userId}
          changeRole={changeRoleAction}
          setActive={setUserActiveAction}
        />
        <CreateUserForm clients={clients} createUser={createUserAction} />
      </div>
    </>
  );
}
