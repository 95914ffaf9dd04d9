import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { UseCaseStatusBadge } from "./use-case-status-badge";

export interface UseCaseListRow {
  id: string;
  title: string;
  purpose: string;
  dataClasses: string[];
  displayStatus: string;
  tier: string | null;
  score: number | null;
  validUntil: string | null;
}

/** Use cases as a compact table (a client's or a product's), each linking to its page. */
export function UseCaseList({ rows, empty, caption }: { rows: UseCaseListRow[]; empty: string; caption: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3">Use case</th>
            <th scope="col" className="py-2 pr-3">Data classes</th>
            <th scope="col" className="py-2 pr-3">Status</th>
            <th scope="col" className="py-2 pr-3">Tier</th>
            <th scope="col" className="py-2">Valid until</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((u) => (
            <tr key={u.id}>
              <td className="py-2 pr-3">
                <Link href={`/use-cases/${u.id}`} className="font-medium text-brand-700 hover:underline">
                  {u.title}
                </Link>
                <span className="block text-xs text-slate-500">{u.purpose}</span>
              </td>
              <td className="py-2 pr-3">{u.dataClasses.join(", ") || "—"}</td>
              <td className="py-2 pr-3">
                <UseCaseStatusBadge status={u.displayStatus} />
              </td>
              <td className="py-2 pr-3">{u.tier ? <RiskTierBadge tier={u.tier} suffix={u.score !== null ? ` · ${u.score}` : ""} /> : "—"}</td>
              <td className="py-2 tabular-nums">{u.validUntil ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
