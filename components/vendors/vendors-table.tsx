"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/card";
import type { ListPageInfo } from "@/lib/domain/list-pages";
import type { ListQuery } from "@/lib/validation/list-query";

export interface VendorRow {
  id: string;
  name: string;
  website: string | null;
  products: number;
  isSample: boolean;
  archived: boolean;
  updatedAt: string;
}

const columns: Array<DataTableColumn<VendorRow>> = [
  {
    id: "name",
    accessorKey: "name",
    header: "Vendor",
    cell: ({ row }) => (
      <span className="flex flex-wrap items-center gap-2">
        <Link href={`/vendors/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        {row.original.isSample ? <Badge tone="amber">Sample</Badge> : null}
        {row.original.archived ? <Badge>Archived</Badge> : null}
      </span>
    ),
  },
  { id: "website", accessorKey: "website", header: "Website", enableSorting: false, cell: ({ row }) => <span className="text-slate-600">{row.original.website ?? "—"}</span> },
  { id: "products", accessorKey: "products", header: "Products" },
  { id: "updatedAt", accessorKey: "updatedAt", header: "Updated", cell: ({ row }) => row.original.updatedAt.slice(0, 10) },
];

export function VendorsTable({ rows, pages, state }: { rows: VendorRow[]; pages: ListPageInfo; state: ListQuery }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={pages.total}
      pages={pages}
      state={state}
      defaultSort={{ id: "name", desc: false }}
      caption="Vendors"
      emptyMessage="No vendors yet. Add the first AI vendor your clients use."
      searchLabel="Search vendors and products"
      getRowId={(row) => row.id}
      filters={[{ id: "status", label: "Status", options: [{ value: "active", label: "Active" }, { value: "archived", label: "Archived" }] }]}
    />
  );
}
