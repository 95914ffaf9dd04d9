"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { draftFromVersion, importTemplate, publishVersion, saveDraftVersion } from "@/lib/db/questionnaires";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { templateFromXlsx } from "@/lib/spreadsheets/template-xlsx";
import { parseTemplateJson } from "@/lib/validation/template-import";

const importInput = z.union([
  z.object({ json: z.string().min(1, "Choose a JSON or XLSX file.").max(2_000_000, "The file is over 2 MB.") }),
  z.object({ xlsxBase64: z.string().min(1, "Choose a JSON or XLSX file.").max(3_000_000, "The file is over 2 MB.") }),
]);

const importRun = guardedAction("template:manage", importInput, async (actor, input) => {
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

const publishRun = guardedAction("template:manage", z.object({ versionId: z.string().min(1).max(64) }), async (actor, { versionId }) => {
  await publishVersion(actor, versionId);
  revalidatePath("/settings/questionnaires");
  return { versionId };
});

export async function importTemplateAction(raw: unknown) {
  return importRun(raw);
}
export async function publishVersionAction(raw: unknown) {
  return publishRun(raw);
}

const versionId = z.string().min(1).max(64);

const saveDraftRun = guardedAction("template:manage", z.object({ versionId, definition: templateSchema }), async (actor, input) => {
  await saveDraftVersion(actor, input.versionId, input.definition);
  revalidatePath("/settings/questionnaires");
  return { versionId: input.versionId };
});

const newDraftRun = guardedAction("template:manage", z.object({ versionId }), async (actor, input) => {
  const draft = await draftFromVersion(actor, input.versionId);
  revalidatePath("/settings/questionnaires");
  return { versionId: draft.versionId };
});

export async function saveDraftAction(raw: unknown) {
  return saveDraftRun(raw);
}
export async function newDraftAction(raw: unknown) {
  return newDraftRun(raw);
}
