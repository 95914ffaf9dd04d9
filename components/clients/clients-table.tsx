"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/card";
import { DATA_CLASSES, RESIDENCIES } from "@/lib/domain/vocabulary";
import type { ListQuery } from "@/lib/validation/list-query";

export interface ClientRow {
  id: string;
  name: string;
  dataClasses: string[];
  residency: string;
  frameworks: string[];
  useCases: number;
  archived: boolean;
  updatedAt: string;
}

const columns: Array<DataTableColumn<ClientRow>> = [
  {
    id: "name",
    accessorKey: "name",
    header: "Client",
    cell: ({ row }) => (
      <span className="flex flex-wrap items-center gap-2">
        <Link href={`/clients/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        {row.original.archived ? <Badge>Archived</Badge> : null}
      </span>
    ),
  },
  { id: "dataClasses", accessorKey: "dataClasses", header: "Data classes", enableSorting: false, cell: ({ row }) => row.original.dataClasses.join(", ") || "—" },
  { id: "residency", accessorKey: "residency", header: "Residency" },
  { id: "frameworks", accessorKey: "frameworks", header: "Frameworks", enableSorting: false, cell: ({ row }) => row.original.frameworks.join(", ") || "—" },
  { id: "useCases", accessorKey: "useCases", header: "Use cases" },
  { id: "updatedAt", accessorKey: "updatedAt", header: "Updated", cell: ({ row }) => row.original.updatedAt.slice(0, 10) },
];

export function ClientsTable({ rows, total, state }: { rows: ClientRow[]; total: number; state: ListQuery }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      defaultSort={{ id: "name", desc: false }}
      caption="Clients"
      emptyMessage="No clients match. Add the customers whose data your AI tools will touch."
      searchLabel="Search clients"
      getRowId={(row) => row.id}
      filters={[
        { id: "residency", label: "Residency", options: RESIDENCIES.map((r) => ({ value: r, label: r })) },
        { id: "dataClass", label: "Data class", options: DATA_CLASSES.map((d) => ({ value: d, label: d })) },
        { id: "status", label: "Status", options: [{ value: "active", label: "Active" }, { value: "archived", label: "Archived" }] },
      ]}
    />
  );
}
