import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { getAuditTrailState } from "@/lib/db/audit";
import { VerifyAuditTrailButton } from "./verify-button";

export const metadata: Metadata = { title: "Audit trail" };

const utc = (d: Date | string | null) => (d ? `${new Date(d).toISOString().slice(0, 19).replace("T", " ")} UTC` : "never");

/** ADMIN: the state of the organisation's tamper-evident audit trail, and a check on demand. */
export default async function AuditTrailPage() {
  const actor = await requirePermission("organization:manage");
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change is recorded as an event. Within seconds the job worker seals events into a chain keyed with a secret the database does not hold, and writes the chain's head to an anchor file outside the database, so a changed, removed or reordered event shows up when the chain is verified."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="State">
          <Suspense fallback={<ListSkeleton label="the audit trail's state" rows={6} />}>
            <AuditState actor={actor} />
          </Suspense>
        </Card>
        <Card title="Verify">
          <p className="mb-3 text-sm text-slate-700">
            Seals anything still waiting, then checks every link of the chain with the key and compares the chain with the anchors. The same check runs from the command line as{" "}
            <code className="text-xs">npm run audit:verify</code>.
          </p>
          <VerifyAuditTrailButton />
        </Card>
      </div>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above (admins only) has already answered 404 to anyone else. */
async function AuditState({ actor }: { actor: Actor }) {
  const state = await getAuditTrailState(actor);
  const leastPrivilege = !state.role.superuser && !state.role.ownsAuditTable;
  const rows: Array<[string, React.ReactNode]> = [
    ["Events", state.events],
    ["Sealed (keyed chain)", `up to link #${state.sealed}${state.pending > 0 ? `; ${state.pending} waiting for the sealer` : "; nothing waiting"}`],
    ["Last seal", utc(state.lastSealAt)],
    ["Last anchor", state.lastAnchor ? `link #${state.lastAnchor.seq}, written ${utc(state.lastAnchor.at)}` : "none yet"],
    ["Anchor file", <code key="f" className="break-all text-xs">{state.anchorFile}</code>],
    [
      "Database role",
      <span key="r">
        {state.role.name}{" "}
        {leastPrivilege ? <Badge tone="green">least privilege</Badge> : <Badge tone="red">{state.role.superuser ? "superuser" : "owns the audit table"}</Badge>}
      </span>,
    ],
  ];
  return (
    <dl className="divide-y divide-slate-100 text-sm" data-testid="audit-state">
      {rows.map(([label, value]) => (
        <div key={label} className="flex flex-col gap-1 py-2 sm:flex-row sm:justify-between">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="text-slate-900 sm:text-right">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
