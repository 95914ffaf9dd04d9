import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";

export interface VendorRequestRow {
  id: string;
  status: "OPEN" | "SUBMITTED" | "RETURNED" | "COMPLETED";
  contactName: string;
  contactEmail: string;
  dueOn: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export const VENDOR_REQUEST_STATUS_WORDS = { OPEN: "With the vendor", SUBMITTED: "To review", RETURNED: "Returned to the vendor", COMPLETED: "Completed" } as const;

/** Link state in words: a revoked or expired link shows so, whatever the request's status. */
export function linkState(row: Pick<VendorRequestRow, "status" | "revokedAt" | "expiresAt">, now = new Date()) {
  if (row.revokedAt) return { label: "Link revoked", tone: "red" as const };
  if (row.expiresAt <= now) return { label: "Link expired", tone: "red" as const };
  return { label: VENDOR_REQUEST_STATUS_WORDS[row.status], tone: row.status === "SUBMITTED" ? ("amber" as const) : row.status === "COMPLETED" ? ("green" as const) : ("blue" as const) };
}

/** A product's questionnaire requests to its vendor, with the way to send one. */
export function VendorRequestsCard({ productId, rows, canSend }: { productId: string; rows: VendorRequestRow[]; canSend: boolean }) {
  return (
    <Card
      title="Questionnaires sent to the vendor"
      action={
        canSend ? (
          <Link href={`/products/${productId}/ask-vendor`} className={buttonClass("secondary")}>
            Ask the vendor
          </Link>
        ) : null
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">None yet. Ask the vendor to answer the questionnaire by secure link; you review every answer before it counts.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {rows.map((r) => {
            const state = linkState(r);
            return (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/vendor-requests/${r.id}`} className="text-brand-700 hover:underline">
                  {r.contactName} ({r.contactEmail}) · due {r.dueOn.toISOString().slice(0, 10)}
                </Link>
                <Badge tone={state.tone}>{state.label}</Badge>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
