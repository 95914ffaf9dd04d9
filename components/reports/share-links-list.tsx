import { ScrollRegion } from "@/components/ui/scroll-region";
import { Badge } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/http/action-result";

export interface ShareLinkRow {
  id: string;
  clientName: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  hasPasscode: boolean;
  accessCount: number;
  accesses: Array<{ id: string; at: string; ip: string | null; userAgent: string | null; outcome: string }>;
}

const OUTCOMES: Record<string, string> = {
  VIEW: "Viewed",
  DOWNLOAD: "Downloaded the PDF",
  UNLOCKED: "Entered the passcode",
  BAD_PASSCODE: "Wrong passcode",
  REFUSED_LOCKED: "Refused: too many wrong passcodes",
  REFUSED_REVOKED: "Refused: link revoked",
  REFUSED_EXPIRED: "Refused: link expired",
  REFUSED_OTHER_CLIENTS_DATA: "Refused: the report may hold other clients' data",
};

/** A report's share links: status, expiry, revocation and the access log (when, from where). */
export function ShareLinksList({ links, now, canRevoke, revoke }: { links: ShareLinkRow[]; now: string; canRevoke: boolean; revoke: (raw: unknown) => Promise<ActionResult<unknown>> }) {
  if (links.length === 0) return <p className="text-sm text-slate-500">Not shared yet.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Share links">
      {links.map((l) => {
        const state = l.revokedAt ? "Revoked" : l.expiresAt <= now ? "Expired" : "Active";
        return (
          <li key={l.id} className="py-3" data-testid="share-link">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <p className="text-sm font-medium text-slate-900">
                  {l.clientName} <Badge tone={state === "Active" ? "green" : "slate"}>{state}</Badge> {l.hasPasscode ? <Badge tone="blue">Passcode</Badge> : null}
                </p>
                <p className="text-xs text-slate-500">
                  Created {l.createdAt.slice(0, 10)} · {state === "Revoked" ? `revoked ${l.revokedAt!.slice(0, 10)}` : `expires ${l.expiresAt.slice(0, 10)}`} · {l.accessCount} access{l.accessCount === 1 ? "" : "es"}
                </p>
              </div>
              {canRevoke && state === "Active" ? (
                <ConfirmButton label="Revoke" variant="danger" confirm={`Revoke the link shared with ${l.clientName}? It stops working at once.`} action={revoke} input={{ shareLinkId: l.id }} />
              ) : null}
            </div>
            {l.accesses.length ? (
              <details className="mt-2 text-xs">
                <summary className="cursor-pointer text-slate-700">Access log</summary>
                <ScrollRegion label={`Access log of the link for ${l.clientName}`} className="mt-1">
                <table className="w-full text-left">
                  <thead className="text-slate-500">
                    <tr>
                      <th scope="col" className="py-1 pr-2">When (UTC)</th>
                      <th scope="col" className="py-1 pr-2">From</th>
                      <th scope="col" className="py-1 pr-2">What</th>
                    </tr>
                  </thead>
                  <tbody>
                    {l.accesses.map((a) => (
                      <tr key={a.id} data-testid="share-access">
                        <td className="py-0.5 pr-2 tabular-nums">{a.at.slice(0, 19).replace("T", " ")}</td>
                        <td className="py-0.5 pr-2" title={a.userAgent ?? undefined}>
                          {a.ip ?? "unknown address"}
                        </td>
                        <td className="py-0.5 pr-2">{OUTCOMES[a.outcome] ?? a.outcome}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </ScrollRegion>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
