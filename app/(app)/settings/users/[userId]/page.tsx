import type { Metadata } from "next";
import { memberName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { SendResetLink } from "@/components/users/send-reset-link";
import { sendPasswordResetAction } from "@/app/(app)/settings/users/actions";
import { requirePermission } from "@/lib/auth/session";
import { getMember } from "@/lib/db/users";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { loadOr404 } from "@/lib/http/load-or-404";

export async function generateMetadata({ params }: { params: Promise<{ userId: string }> }): Promise<Metadata> {
  const { userId } = await params;
  return recordTitle("user:manage", (actor) => memberName(actor, userId), (n) => `${n} · Users`, "User");
}

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requirePermission("user:manage");
  const { userId } = await params;
  const member = await loadOr404(getMember(actor, userId));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings/users" className="text-brand-700 hover:underline">
          ← Users
        </Link>
      </p>
      <PageHeader title={member.name} description={member.email} />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <Card title="Access">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Role</dt>
              <dd>{ROLE_LABELS[member.role]}</dd>
            </div>
            {member.client ? (
              <div>
                <dt className="text-slate-500">Client</dt>
                <dd>{member.client.name}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>{member.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Last sign-in</dt>
              <dd>{member.lastSignInAt ? member.lastSignInAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "Never"}</dd>
            </div>
          </dl>
          {member.active ? (
            <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
              <p className="mb-2 text-slate-600">Forgot their password? Send a link that lets them set a new one, once, within an hour. It goes to {member.email}; their sessions end when they use it.</p>
              <SendResetLink userId={member.userId} email={member.email} action={sendPasswordResetAction} />
            </div>
          ) : null}
        </Card>
        <Card title="Recent activity">
          {member.activity.length === 0 ? (
            <p className="text-sm text-slate-500">No activity recorded yet.</p>
          ) : (
            <ol className="divide-y divide-slate-100 text-sm">
              {member.activity.map((e) => (
                <li key={e.id} className="flex justify-between gap-4 py-2">
                  <span>
                    <span className="font-mono text-xs text-slate-500">#{e.seq}</span> {e.action} <span className="text-slate-500">by {e.actorLabel}</span>
                  </span>
                  <time className="shrink-0 text-xs text-slate-500" dateTime={e.createdAt.toISOString()}>
                    {e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC{e.ip ? ` · ${e.ip}` : ""}
                  </time>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
