import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { ApiTokenForm } from "@/components/settings/api-token-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/db/api-tokens";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens · Settings" };

const stamp = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");

export default async function ApiTokensPage() {
  const actor = await requirePermission("organization:manage");
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let your PSA, RMM or scripts use the REST API at <code>/api/v1</code> as your organisation. Each is limited to its scopes and expiry, and every change it makes is in the
            audit trail under its name. <Link href="/api-reference" className="underline">Read the API reference</Link>.
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <Card title="Tokens">
          <Suspense fallback={<ListSkeleton label="API tokens" rows={3} />}>
            <TokenList actor={actor} />
          </Suspense>
        </Card>
        <Card title="New token">
          <ApiTokenForm create={createApiTokenAction} />
        </Card>
      </div>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above (admins only) has already answered 404 to anyone else. */
async function TokenList({ actor }: { actor: Actor }) {
  const tokens = await listApiTokens(actor);
  const now = new Date();
  return tokens.length === 0 ? (
    <EmptyState title="No tokens yet">Create one on the right; it is shown once.</EmptyState>
  ) : (
    <div className="overflow-x-auto" role="region" aria-label="API tokens" tabIndex={0}>
      <table className="min-w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Scopes</th>
            <th scope="col" className="py-2 pr-3">Expires</th>
            <th scope="col" className="py-2 pr-3">Last used</th>
            <th scope="col" className="py-2 pr-3">Status</th>
            <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {tokens.map((t) => {
            const status = t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active";
            return (
              <tr key={t.id} data-testid="api-token-row">
                <td className="py-2 pr-3 align-top">
                  <div className="font-medium">{t.name}</div>
                  <div className="font-mono text-xs text-slate-600">{t.prefix}…</div>
                  <div className="text-xs text-slate-600">by {t.createdBy.name}</div>
                </td>
                <td className="py-2 pr-3 align-top font-mono text-xs">{t.scopes.join(" ")}</td>
                <td className="py-2 pr-3 align-top">{stamp(t.expiresAt)}</td>
                <td className="py-2 pr-3 align-top">
                  {stamp(t.lastUsedAt)}
                  {t.lastUsedIp ? <div className="text-xs text-slate-600">from {t.lastUsedIp}</div> : null}
                </td>
                <td className="py-2 pr-3 align-top">
                  <Badge tone={status === "active" ? "green" : "slate"}>{status}</Badge>
                </td>
                <td className="py-2 align-top">
                  {status === "active" ? (
                    <ConfirmButton label="Revoke" variant="danger" confirm={`Revoke the token "${t.name}"? Anything using it stops working at once.`} action={revokeApiTokenAction} input={{ id: t.id }} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
