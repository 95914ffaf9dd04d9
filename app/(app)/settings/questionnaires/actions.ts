"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { importTemplate, publishVersion } from "@/lib/db/questionnaires";
import { parseTemplateJson } from "@/lib/validation/template-import";

const importRun = guardedAction("template:manage", z.object({ json: z.string().min(1, "Choose a JSON file.").max(2_000_000, "The file is over 2 MB.") }), async (actor, { json }) => {
  const parsed = parseTemplateJson(json);
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
