import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TemplateImportForm } from "@/components/questionnaires/template-import-form";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { listTemplates } from "@/lib/db/questionnaires";
import { importTemplateAction, publishVersionAction, templateImportStatusAction } from "./actions";

export const metadata: Metadata = { title: "Questionnaires" };

const TONES = { DRAFT: "amber", PUBLISHED: "green", RETIRED: "slate" } as const;

export default async function QuestionnairesPage() {
  const actor = await requirePermission("template:manage");
  return (
    <>
      <PageHeader title="Questionnaires" description="Due-diligence templates. Publishing freezes a version; assessments keep the version they started on." />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <Suspense fallback={<ListSkeleton label="questionnaires" rows={4} />}>
          <TemplateList actor={actor} />
        </Suspense>
        <Card title="Import">
          <p className="mb-3 text-sm text-slate-600">A JSON or XLSX file exported here (format vetta.questionnaire/1); the XLSX can be edited in a spreadsheet, one row per question. A template of the same name gets a new draft version.</p>
          <TemplateImportForm importJson={importTemplateAction} importStatus={templateImportStatusAction} />
        </Card>
      </div>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above has already answered 404 to a role without it. */
async function TemplateList({ actor }: { actor: Actor }) {
  const templates = await listTemplates(actor);
  return (
    <div className="space-y-4">
      {templates.length === 0 ? <EmptyState title="No templates yet">Import one from a JSON file.</EmptyState> : null}
      {templates.map((t) => (
        <Card key={t.id} title={t.name}>
          {t.description ? <p className="mb-3 text-sm text-slate-600">{t.description}</p> : null}
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Versions of {t.name}</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Assessments</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {t.versions.map((v) => (
                <tr key={v.id} className="border-t border-slate-100" data-testid={`version-${t.name}-${v.version}`}>
                  <td className="py-2">v{v.version}</td>
                  <td>
                    <Badge tone={TONES[v.status]}>{v.status.toLowerCase()}</Badge>
                  </td>
                  <td>{v._count.assessments}</td>
                  <td className="space-x-3 text-right">
                    <Link className="font-medium text-brand-700 hover:underline" href={`/settings/questionnaires/${v.id}`}>
                      {v.status === "DRAFT" ? "Edit" : "View"}
                    </Link>
                    <a className="text-brand-700 hover:underline" href={`/api/questionnaires/${v.id}/export`}>
                      Export JSON
                    </a>
                    <a className="text-brand-700 hover:underline" href={`/api/questionnaires/${v.id}/export?format=xlsx`}>
                      Export XLSX
                    </a>
                    {v.status === "DRAFT" ? (
                      <ConfirmButton
                        label="Publish"
                        confirm={`Publish ${t.name} v${v.version}? It can no longer be changed, and new assessments will use it.`}
                        action={publishVersionAction}
                        input={{ versionId: v.id }}
                        variant="primary"
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}
    </div>
  );
}
