"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { Badge } from "@/components/ui/card";
import { DEPLOYMENT_MODELS, enumLabel, PRODUCT_TIERS, RISK_TIERS, TRAINING_POLICIES } from "@/lib/domain/vocabulary";
import type { ListPageInfo } from "@/lib/domain/list-pages";
import type { ListQuery } from "@/lib/validation/list-query";

export interface ProductRow {
  id: string;
  name: string;
  vendor: { id: string; name: string };
  tier: string;
  deploymentModel: string;
  trainingPolicy: string;
  processingRegions: string[];
  currentScore: number | null;
  currentTier: string | null;
  isSample: boolean;
  archived: boolean;
}

const columns: Array<DataTableColumn<ProductRow>> = [
  {
    id: "name",
    accessorKey: "name",
    header: "Product",
    cell: ({ row }) => (
      <span className="flex flex-wrap items-center gap-2">
        <Link href={`/products/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        {row.original.isSample ? <Badge tone="amber">Sample</Badge> : null}
        {row.original.archived ? <Badge>Archived</Badge> : null}
      </span>
    ),
  },
  {
    id: "vendor",
    accessorFn: (r) => r.vendor.name,
    header: "Vendor",
    cell: ({ row }) => (
      <Link href={`/vendors/${row.original.vendor.id}`} className="hover:underline">
        {row.original.vendor.name}
      </Link>
    ),
  },
  { id: "tier", accessorKey: "tier", header: "Tier", cell: ({ row }) => enumLabel(row.original.tier) },
  { id: "deploymentModel", accessorKey: "deploymentModel", header: "Deployment", cell: ({ row }) => enumLabel(row.original.deploymentModel) },
  { id: "trainingPolicy", accessorKey: "trainingPolicy", header: "Training", cell: ({ row }) => enumLabel(row.original.trainingPolicy) },
  { id: "regions", header: "Regions", enableSorting: false, cell: ({ row }) => row.original.processingRegions.join(", ") || "Unknown" },
  {
    id: "currentScore",
    accessorKey: "currentScore",
    header: "Risk",
    cell: ({ row }) =>
      row.original.currentTier ? (
        <RiskTierBadge tier={row.original.currentTier} suffix={` · ${row.original.currentScore}`} />
      ) : (
        <span className="text-slate-500">Not scored</span>
      ),
  },
];

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: enumLabel(v) }));

export function ProductsTable({ rows, pages, state }: { rows: ProductRow[]; pages: ListPageInfo; state: ListQuery }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={pages.total}
      pages={pages}
      state={state}
      defaultSort={{ id: "name", desc: false }}
      caption="Products"
      emptyMessage="No products yet. Add one from its vendor's page."
      searchLabel="Search products and vendors"
      getRowId={(row) => row.id}
      filters={[
        { id: "tier", label: "Tier", options: options(PRODUCT_TIERS) },
        { id: "deploymentModel", label: "Deployment", options: options(DEPLOYMENT_MODELS) },
        { id: "trainingPolicy", label: "Training", options: options(TRAINING_POLICIES) },
        { id: "riskTier", label: "Risk tier", options: options(RISK_TIERS) },
        { id: "status", label: "Status", options: [{ value: "active", label: "Active" }, { value: "archived", label: "Archived" }] },
      ]}
    />
  );
}
