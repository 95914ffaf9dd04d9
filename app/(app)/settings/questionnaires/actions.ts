"use server";

import { revalidatePath } from "next/cache";
import { createImportJob, getImportJobStatus } from "@/lib/db/import-jobs";
import { draftFromVersion, publishVersion, saveDraftVersion } from "@/lib/db/questionnaires";
import { notFound } from "@/lib/errors/app-error";
import { guardedAction } from "@/lib/http/guarded-action";
import { enqueueImport } from "@/lib/jobs/job-queue";
import { importStatusInput } from "@/lib/validation/register-csv";
import { importTemplateInput, saveDraftInput, templateVersionInput } from "@/lib/validation/questionnaire-version";

export const importTemplateAction = guardedAction(importTemplateInput, "template:manage", async (actor, input) => {
  // The worker checks and writes it, like the register import: a large template outlasts a request.
  const job = await createImportJob(actor, { kind: "TEMPLATE", fileName: null, payload: JSON.stringify(input) });
  await enqueueImport(job.id);
  return { jobId: job.id };
});

export const templateImportStatusAction = guardedAction(importStatusInput, "template:manage", async (actor, { jobId }) => {
  const job = await getImportJobStatus(actor, jobId);
  if (!job || job.kind !== "TEMPLATE") throw notFound("import");
  if (job.status === "DONE") revalidatePath("/settings/questionnaires");
  return {
    status: job.status,
    total: job.total,
    processed: job.processed,
    problems: (job.rowErrors ?? []).map((e) => ({ path: e.column, message: e.message })),
    version: typeof job.result?.version === "number" ? job.result.version : null,
    error: job.error,
  };
});

export const publishVersionAction = guardedAction(templateVersionInput, "template:manage", async (actor, { versionId }) => {
  await publishVersion(actor, versionId);
  revalidatePath("/settings/questionnaires");
  return { versionId };
});

export const saveDraftAction = guardedAction(saveDraftInput, "template:manage", async (actor, input) => {
  await saveDraftVersion(actor, input.versionId, input.definition);
  revalidatePath("/settings/questionnaires");
  return { versionId: input.versionId };
});

export const newDraftAction = guardedAction(templateVersionInput, "template:manage", async (actor, input) => {
  const draft = await draftFromVersion(actor, input.versionId);
  revalidatePath("/settings/questionnaires");
  return { versionId: draft.versionId };
});
