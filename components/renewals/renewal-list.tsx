import { ScrollRegion, STICKY_FIRST_CELL } from "@/components/ui/scroll-region";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { CalendarDate } from "@/lib/domain/dates/calendar-date";
import { BUCKET_LABELS, RENEWAL_BUCKETS, RENEWAL_KIND_LABELS, dueInWords, type RenewalBucket, type RenewalKind } from "@/lib/domain/renewals/renewal-schedule";

export interface RenewalRow {
  key: string;
  kind: RenewalKind;
  dueOn: CalendarDate;
  title: string;
  detail: string | null;
  href: string;
  action: string;
  clientName: string | null;
  /** "Vendor — Product": every renewal is about one product. */
  productName: string | null;
  ownerName: string | null;
}

const BUCKET_TONES: Record<RenewalBucket, "red" | "amber" | "blue" | "slate"> = { OVERDUE: "red", DUE_7: "amber", DUE_30: "amber", DUE_60: "blue", DUE_90: "slate", LATER: "slate" };

/** The renewal list: one section per bucket (overdue first), each a table of what lapses and what to do. */
export function RenewalList({ buckets, today }: { buckets: Partial<Record<RenewalBucket, RenewalRow[]>>; today: CalendarDate }) {
  return (
    <div className="flex flex-col gap-8">
      {RENEWAL_BUCKETS.map((bucket) => {
        const rows = buckets[bucket] ?? [];
        const headingId = `bucket-${bucket}`;
        return (
          <section key={bucket} aria-labelledby={headingId} data-testid={`renewal-bucket-${bucket}`}>
            <h2 id={headingId} className="mb-2 flex items-center gap-2 text-base font-semibold text-slate-900">
              {BUCKET_LABELS[bucket]} <Badge tone={rows.length ? BUCKET_TONES[bucket] : "slate"}>{rows.length}</Badge>
            </h2>
            {rows.length === 0 ? (
              <p className="text-sm text-slate-500">Nothing {bucket === "OVERDUE" ? "overdue" : "falls due in this window"}.</p>
            ) : (
              <ScrollRegion label={BUCKET_LABELS[bucket]} className="rounded-lg border border-slate-200 bg-white">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className={`${STICKY_FIRST_CELL} bg-slate-50 px-3 py-2`}>Due</th>
                      <th scope="col" className="px-3 py-2">What</th>
                      <th scope="col" className="px-3 py-2">Client</th>
                      <th scope="col" className="px-3 py-2">Owner</th>
                      <th scope="col" className="px-3 py-2">What to do</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {rows.map((row) => (
                      <tr key={row.key} data-testid="renewal-row">
                        <td className={`${STICKY_FIRST_CELL} whitespace-nowrap bg-white px-3 py-2 align-top`}>
                          <span className="font-medium text-slate-900">{row.dueOn}</span>
                          <br />
                          <span className={`text-xs ${bucket === "OVERDUE" ? "font-semibold text-red-700" : "text-slate-500"}`}>{dueInWords(row.dueOn, today)}</span>
                        </td>
                        <td className="min-w-48 px-3 py-2 align-top">
                          <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{RENEWAL_KIND_LABELS[row.kind]}</span>
                          <br />
                          <Link href={row.href} className="font-medium text-brand-700 hover:underline">
                            {row.title}
                          </Link>
                          {row.productName ? (
                            <p className="text-xs text-slate-600" data-testid="renewal-product">
                              {row.productName}
                            </p>
                          ) : null}
                          {row.detail ? <p className="text-xs text-slate-500">{row.detail}</p> : null}
                        </td>
                        <td className="px-3 py-2 align-top">{row.clientName ?? <span className="text-slate-500">—</span>}</td>
                        <td className="px-3 py-2 align-top">{row.ownerName ?? <span className="text-slate-500">Unassigned</span>}</td>
                        <td className="min-w-56 max-w-sm px-3 py-2 align-top text-slate-700">{row.action}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </section>
        );
      })}
    </div>
  );
}
