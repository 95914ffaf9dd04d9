import Link from "next/link";
import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { ScrollRegion, STICKY_FIRST_CELL } from "@/components/ui/scroll-region";
import { UseCaseStatusBadge } from "./use-case-status-badge";

export interface MatrixData {
  products: Array<{ id: string; name: string; vendor: { name: string } }>;
  clients: Array<{
    id: string;
    name: string;
    useCases: Array<{ id: string; productId: string; purpose: string; displayStatus: string; currentTier: string | null; currentScore: number | null }>;
  }>;
}

/** Clients × products: each cell the use cases of that pair, with status (LAPSED included) and tier, linking to each. */
export function ApprovalMatrix({ data }: { data: MatrixData }) {
  return (
    // The matrix scrolls sideways inside itself (the page never does), with the client column pinned.
    <ScrollRegion label="Approval matrix" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Approval matrix: clients by products</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className={`${STICKY_FIRST_CELL} bg-slate-50 px-3 py-2`}>
              Client
            </th>
            {data.products.map((p) => (
              <th key={p.id} scope="col" className="min-w-36 px-3 py-2 align-bottom">
                <Link href={`/products/${p.id}`} className="hover:underline">
                  <span className="block font-normal">{p.vendor.name}</span>
                  <span className="font-semibold text-slate-800">{p.name}</span>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.clients.map((c) => (
            <tr key={c.id}>
              <th scope="row" className={`${STICKY_FIRST_CELL} min-w-36 bg-white px-3 py-2 font-medium shadow-[1px_0_0_var(--color-slate-200)]`}>
                <Link href={`/clients/${c.id}`} className="text-brand-700 hover:underline">
                  {c.name}
                </Link>
              </th>
              {data.products.map((p) => {
                const cell = c.useCases.filter((u) => u.productId === p.id);
                return (
                  <td key={p.id} className="px-3 py-2 align-top" data-testid={`cell-${c.id}-${p.id}`}>
                    {cell.length === 0 ? (
                      <span className="text-slate-500" aria-label="No use case">
                        —
                      </span>
                    ) : (
                      <ul className="space-y-1">
                        {cell.map((u) => (
                          <li key={u.id}>
                            <Link href={`/use-cases/${u.id}`} className="group inline-flex flex-wrap items-center gap-1" title={u.purpose}>
                              <UseCaseStatusBadge status={u.displayStatus} />
                              {u.currentTier ? <RiskTierBadge tier={u.currentTier} /> : null}
                              <span className="sr-only">{u.purpose}</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
