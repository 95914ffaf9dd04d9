import type { Metadata } from "next";
import { templateVersionName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import Link from "next/link";
import { TemplateBuilder } from "@/components/questionnaires/template-builder";
import { TemplatePreview } from "@/components/questionnaires/template-preview";
import { Badge, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { requirePermission } from "@/lib/auth/session";
import { getVersionDefinition } from "@/lib/db/questionnaires";
import { loadOr404 } from "@/lib/http/load-or-404";
import { newDraftAction, publishVersionAction, saveDraftAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ versionId: string }> }): Promise<Metadata> {
  const { versionId } = await params;
  return recordTitle("template:manage", (actor) => templateVersionName(actor, versionId), (n) => `${n} · Questionnaires`, "Questionnaire builder");
}

export default async function TemplateVersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const actor = await requirePermission("template:manage");
  const { versionId } = await params;
  const version = await loadOr404(getVersionDefinition(actor, versionId));
  const draft = version.status === "DRAFT";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings/questionnaires" className="text-brand-700 hover:underline">
          ← Questionnaires
        </Link>
      </p>
      <PageHeader
        title={`${version.definition.name} v${version.version}`}
        description={<Badge tone={draft ? "amber" : "green"}>{version.status.toLowerCase()}</Badge>}
        actions={
          draft ? null : (
            <ConfirmButton label="Start a new draft from this version" confirm="Start a new draft as a copy of this version?" action={newDraftAction} input={{ versionId }} variant="primary" redirectTo="/settings/questionnaires/{versionId}" />
          )
        }
      />
      {draft ? (
        <TemplateBuilder versionId={versionId} initial={version.definition} save={saveDraftAction} publish={publishVersionAction} />
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-600">Published versions are frozen. This is how fillers see it.</p>
          <TemplatePreview definition={version.definition} />
        </>
      )}
    </>
  );
}
