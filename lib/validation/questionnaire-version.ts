import { z } from "zod";
import { templateSchema } from "./questionnaire-template";
import { recordId } from "./record-id";

/** A template file as uploaded: JSON text, or an XLSX workbook as base64 (2 MB either way). */
export const importTemplateInput = z.union([
  z.object({ json: z.string().min(1, "Choose a JSON or XLSX file.").max(2_000_000, "The file is over 2 MB.") }),
  z.object({ xlsxBase64: z.string().min(1, "Choose a JSON or XLSX file.").max(3_000_000, "The file is over 2 MB.") }),
]);

/** Publish a draft, or start a new draft from a version. */
export const templateVersionInput = z.object({ versionId: recordId });

export const saveDraftInput = z.object({ versionId: recordId, definition: templateSchema });
