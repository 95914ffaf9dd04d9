import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { linkState } from "./vendor-requests-card";

export interface OpenVendorRequestRow {
  id: string;
  status: "OPEN" | "SUBMITTED" | "RETURNED" | "COMPLETED";
  dueOn: string;
  expiresAt: Date;
  revokedAt: Date | null;
  contactName: string;
  product: { id: string; name: string; vendor: { name: string } };
}

/** Questionnaires with vendors or waiting for review, by due date (renewals page). */
export function OpenVendorRequests({ rows, today }: { rows: OpenVendorRequestRow[]; today: string }) {
  return (
    <section id="vendor-questionnaires" aria-labelledby="vendor-questionnaires-title" className="mt-8">
      <Card title={<span id="vendor-questionnaires-title">Vendor questionnaires open ({rows.length})</span>}>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">No questionnaire is out with a vendor or waiting for your review. Send one from a product&apos;s page (Ask the vendor).</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {rows.map((r) => {
              const state = linkState(r);
              const overdue = r.dueOn < today && r.status !== "SUBMITTED";
              return (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link href={`/vendor-requests/${r.id}`} className="text-brand-700 hover:underline">
                    {r.product.vendor.name} {r.product.name} · {r.contactName}
                  </Link>
                  <span className="flex items-center gap-2">
                    <span className={overdue ? "font-medium text-red-700" : "text-slate-600"}>
                      {overdue ? "overdue since" : "due"} {r.dueOn}
                    </span>
                    <Badge tone={state.tone}>{state.label}</Badge>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </section>
  );
}
