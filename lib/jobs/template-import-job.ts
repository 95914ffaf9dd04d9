import "server-only";
import { finishImportJob, setImportProgress } from "@/lib/db/import-jobs";
import { importTemplate } from "@/lib/db/questionnaires";
import type { TenantContext } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import { templateFromXlsx } from "@/lib/spreadsheets/template-xlsx";
import { parseTemplateJson, type ImportProblem } from "@/lib/validation/template-import";

/** A questionnaire import's file as the job keeps it until it ends (the action's checked input). */
export type TemplateImportPayload = { json: string } | { xlsxBase64: string };

/** Far above what the largest template (50 sections × 200 questions) needs here. */
const WRITE_TIMEOUT_MS = 300_000;

/**
 * A questionnaire template import in the worker: the whole file is checked first (every problem
 * named by path, or row and column for XLSX), then written in one transaction, so a large
 * template finishes and a wrong one writes nothing. Problems are kept as row errors whose column
 * is the path; the settings page shows them as before.
 */
export async function runTemplateImportJob(id: string, ctx: TenantContext, payload: string | null): Promise<"DONE" | "FAILED"> {
  const fail = async (problems: ImportProblem[]) => {
    await finishImportJob(id, { rowErrors: problems.map((p) => ({ row: 0, column: p.path, message: p.message })) });
    return "FAILED" as const;
  };
  let input: TemplateImportPayload;
  try {
    input = JSON.parse(payload ?? "") as TemplateImportPayload;
  } catch {
    return fail([{ path: "file", message: "The file could not be read; choose it again." }]);
  }
  await setImportProgress(id, "CHECKING", 0, 1);
  const parsed =
    "json" in input
      ? parseTemplateJson(input.json)
      : await templateFromXlsx(Buffer.from(input.xlsxBase64, "base64")).then((r) =>
          r.ok ? r : { ok: false as const, problems: r.problems.map((p) => ({ path: p.row ? `row ${p.row}, column ${p.column}` : p.column, message: p.message })) },
        );
  if (!parsed.ok) return fail(parsed.problems);
  const questions = parsed.definition.sections.reduce((n, s) => n + s.questions.length, 0);
  await setImportProgress(id, "WRITING", 0, questions);
  try {
    const result = await importTemplate(ctx, parsed.definition, { timeoutMs: WRITE_TIMEOUT_MS });
    await finishImportJob(id, { result: { version: result.version, questions } });
    return "DONE";
  } catch (error) {
    // A name taken meanwhile, or a draft already open: the message says what to do.
    if (error instanceof AppError) return fail([{ path: "name", message: error.message }]);
    if ((error as { code?: string }).code === "P2002") return fail([{ path: "name", message: "A template with that name was added while the import ran. Nothing was imported; run it again." }]);
    throw error;
  }
}
