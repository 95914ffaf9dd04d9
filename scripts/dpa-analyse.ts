/**
 * `npm run dpa:analyse -- FILE`: the DPA analyser from the command line. Prints the proposals and
 * facts as JSON ({ clauses, facts, ruleVersion }); exits 1 with a plain message when the file
 * cannot be read (missing, scanned PDF, not a DPA format). Nothing leaves the machine.
 */
import { readFile } from "node:fs/promises";
import { analyseDpa } from "../lib/domain/dpa-analysis/analyse-dpa";
import { isAppError } from "../lib/errors/app-error";
import { extractDocumentText } from "../lib/files/document-text/extract-document-text";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run dpa:analyse -- FILE (PDF, DOCX, TXT, Markdown or HTML)");
  process.exit(2);
}
try {
  const bytes = await readFile(file);
  const analysis = analyseDpa(await extractDocumentText(bytes, file));
  console.log(JSON.stringify(analysis, null, 2));
} catch (error) {
  const message = isAppError(error) ? error.message : (error as NodeJS.ErrnoException).code === "ENOENT" ? `No such file: ${file}` : String(error);
  console.error(message);
  process.exit(1);
}
