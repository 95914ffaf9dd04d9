"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { enumLabel, RISK_TIERS } from "@/lib/domain/vocabulary";
import type { ListPageInfo } from "@/lib/domain/list-pages";
import type { ListQuery } from "@/lib/validation/list-query";

export interface ReviewRow {
  id: string;
  product: string;
  vendor: string;
  submittedAt: string;
  score: number | null;
  tier: string | null;
}

const columns: Array<DataTableColumn<ReviewRow>> = [
  {
    id: "product",
    accessorKey: "product",
    header: "Product",
    cell: ({ row }) => (
      <Link href={`/assessments/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {row.original.vendor} — {row.original.product}
      </Link>
    ),
  },
  { id: "submittedAt", accessorKey: "submittedAt", header: "Submitted", cell: ({ row }) => row.original.submittedAt.replace("T", " ").slice(0, 16) },
  {
    id: "score",
    accessorKey: "score",
    header: "Score at submission",
    cell: ({ row }) => (row.original.tier ? <RiskTierBadge tier={row.original.tier} suffix={` · ${row.original.score}`} /> : "—"),
  },
];

export function ReviewQueueTable({ rows, pages, state }: { rows: ReviewRow[]; pages: ListPageInfo; state: ListQuery }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={pages.total}
      pages={pages}
      state={state}
      defaultSort={{ id: "submittedAt", desc: false }}
      caption="Assessments awaiting review"
      emptyMessage="Nothing is waiting for review."
      searchLabel="Search products and vendors"
      getRowId={(r) => r.id}
      filters={[{ id: "tier", label: "Tier", options: RISK_TIERS.map((t) => ({ value: t, label: enumLabel(t) })) }]}
    />
  );
}
