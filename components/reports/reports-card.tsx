import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/http/action-result";
import type { CreateReportInput } from "@/lib/validation/reports";
import { GenerateReportButton } from "./generate-report-button";

export interface ReportRow {
  id: string;
  title: string;
  createdAt: string;
  createdBy: string;
  shares: number;
}

/** The reports issued about a product, a use case or a client, with a button to issue a new one. */
export function ReportsCard({ rows, generate, canGenerate, label, action }: { rows: ReportRow[]; generate: CreateReportInput; canGenerate: boolean; label: string; action: (raw: unknown) => Promise<ActionResult<{ id: string }>> }) {
  return (
    <Card title="Risk reports" action={canGenerate ? <GenerateReportButton input={generate} label={label} action={action} /> : null}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No report yet. A report freezes the evidence, score and decision as they stand, as a PDF you can share with the client.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Risk reports">
          {rows.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 py-2">
              <Link href={`/reports/${r.id}`} className="text-brand-700 hover:underline">
                {r.title}
              </Link>
              <span className="text-xs text-slate-500">
                {r.createdAt.slice(0, 16).replace("T", " ")} UTC by {r.createdBy}
                {r.shares ? ` · shared ${r.shares}×` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
