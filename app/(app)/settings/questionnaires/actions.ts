"use server";

import { revalidatePath } from "next/cache";
import { draftFromVersion, importTemplate, publishVersion, saveDraftVersion } from "@/lib/db/questionnaires";
import { guardedAction } from "@/lib/http/guarded-action";
import { templateFromXlsx } from "@/lib/spreadsheets/template-xlsx";
import { importTemplateInput, saveDraftInput, templateVersionInput } from "@/lib/validation/questionnaire-version";
import { parseTemplateJson } from "@/lib/validation/template-import";

export const importTemplateAction = guardedAction(importTemplateInput, "template:manage", async (actor, input) => {
  const parsed =
    "json" in input
      ? parseTemplateJson(input.json)
      : await templateFromXlsx(Buffer.from(input.xlsxBase64, "base64")).then((r) =>
          r.ok ? r : { ok: false as const, problems: r.problems.map((p) => ({ path: p.row ? `row ${p.row}, column ${p.column}` : p.column, message: p.message })) },
        );
  if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
  const result = await importTemplate(actor, parsed.definition);
  revalidatePath("/settings/questionnaires");
  return { ok: true as const, ...result };
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
