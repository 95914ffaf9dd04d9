"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { importTemplate, publishVersion } from "@/lib/db/questionnaires";
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
