/**
 * Questionnaire templates as a spreadsheet a person can fill in: one row per question on the
 * "Questions" sheet, the template's name on "Template". Reading it back gives the same template,
 * or every problem with its row and column. Plain data in, Buffer out: no database here.
 */
import ExcelJS from "exceljs";
import { formatBands, parseBands } from "@/lib/domain/scoring/band-text";
import { templateSchema, type TemplateDefinition } from "@/lib/validation/questionnaire-template";

export const QUESTION_COLUMNS = [
  ["section_key", "Section key"],
  ["section_title", "Section title"],
  ["section_description", "Section description"],
  ["key", "Question key"],
  ["prompt", "Question"],
  ["helpText", "Help text"],
  ["type", "Type"],
  ["required", "Required"],
  ["weight", "Weight"],
  ["options", "Options (value=label:points; …)"],
  ["visibility", "Show when (question_key=value)"],
  ["productFact", "Product fact"],
  ["bands", "Scoring bands (min..max:points; …)"],
] as const;

const columnLetter = (index: number) => String.fromCharCode(65 + index);

function formatOptions(options: TemplateDefinition["sections"][number]["questions"][number]["options"]): string {
  return (options ?? []).map((o) => `${o.value}=${o.label}:${o.points}`).join("; ");
}

function parseOptions(text: string) {
  if (!text.trim()) return null;
  return text.split(";").map((part) => {
    const [value = "", rest = ""] = part.split(/=(.*)/s);
    const match = /^(.*):(\d+(?:\.\d+)?)$/s.exec(rest.trim());
    return { value: value.trim(), label: (match ? match[1]! : rest).trim(), points: match ? Number(match[2]) : 0 };
  });
}

function parseShowWhen(text: string) {
  if (!text.trim()) return null;
  const [questionKey = "", value = ""] = text.split(/=(.*)/s);
  const raw = value.trim();
  const equals: string | number | boolean = raw === "true" ? true : raw === "false" ? false : raw !== "" && !Number.isNaN(Number(raw)) && /^-?\d/.test(raw) ? Number(raw) : raw;
  return { questionKey: questionKey.trim(), equals };
}

export async function templateToXlsx(definition: TemplateDefinition): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const meta = workbook.addWorksheet("Template");
  meta.addRows([
    ["Name", definition.name],
    ["Description", definition.description ?? ""],
    ["Format", "vetta.questionnaire/1"],
  ]);
  meta.getColumn(1).width = 14;
  meta.getColumn(2).width = 80;
  const sheet = workbook.addWorksheet("Questions", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(QUESTION_COLUMNS.map(([, title]) => title)).font = { bold: true };
  for (const section of definition.sections) {
    for (const q of section.questions) {
      sheet.addRow([
        section.key,
        section.title,
        section.description ?? "",
        q.key,
        q.prompt,
        q.helpText ?? "",
        q.type,
        q.required ? "yes" : "no",
        q.weight,
        formatOptions(q.options),
        q.visibility ? `${q.visibility.questionKey}=${String(q.visibility.equals)}` : "",
        q.productFact ?? "",
        formatBands(q.bands),
      ]);
    }
  }
  QUESTION_COLUMNS.forEach(([id], i) => (sheet.getColumn(i + 1).width = id === "prompt" || id === "helpText" ? 60 : 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface CellProblem {
  row: number;
  column: string;
  message: string;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  return String(v);
};

export async function templateFromXlsx(bytes: Uint8Array): Promise<{ ok: true; definition: TemplateDefinition } | { ok: false; problems: CellProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ row: 0, column: "-", message: "This is not a readable XLSX workbook." }] };
  }
  const meta = workbook.getWorksheet("Template");
  const sheet = workbook.getWorksheet("Questions");
  if (!meta || !sheet) return { ok: false, problems: [{ row: 0, column: "-", message: 'The workbook needs the sheets "Template" and "Questions".' }] };
  const name = cellText(meta.getCell("B1").value).trim();
  const description = cellText(meta.getCell("B2").value).trim() || null;
  const problems: CellProblem[] = [];
  const sections: Array<{ key: string; title: string; description: string | null; questions: unknown[]; rows: number[] }> = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = QUESTION_COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value).trim());
    if (cells.every((c) => c === "")) return;
    const [sectionKey, sectionTitle, sectionDescription, key, prompt, helpText, type, required, weight, options, showWhen, productFact, bandsText] = cells as string[];
    let section = sections[sections.length - 1];
    if (!section || section.key !== sectionKey) {
      section = { key: sectionKey!, title: sectionTitle!, description: sectionDescription || null, questions: [], rows: [] };
      sections.push(section);
    }
    const requiredText = required!.toLowerCase();
    if (!["yes", "no", ""].includes(requiredText)) problems.push({ row: rowNumber, column: `${columnLetter(7)} (Required)`, message: "Write yes or no." });
    const bands = parseBands(bandsText!);
    if (bands === "invalid") problems.push({ row: rowNumber, column: `${columnLetter(12)} (Scoring bands)`, message: "Write bands as min..max:points separated by semicolons, e.g. ..72:100; 73..96:50." });
    section.questions.push({
      key,
      prompt,
      helpText: helpText || null,
      type: type!.toUpperCase(),
      required: requiredText === "yes",
      // Left blank: the type's default (1, or 0 for types that cannot score).
      weight: weight === "" ? undefined : Number(weight),
      options: parseOptions(options!),
      visibility: parseShowWhen(showWhen!),
      productFact: productFact || null,
      bands: bands === "invalid" ? null : bands,
    });
    section.rows.push(rowNumber);
  });
  const parsed = templateSchema.safeParse({ name, description, sections: sections.map(({ rows: _rows, ...s }) => s) });
  if (parsed.success && problems.length === 0) return { ok: true, definition: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [top, si, sub, qi, field] = issue.path;
    if (top === "name") problems.push({ row: 1, column: "Template!B1 (Name)", message: issue.message });
    else if (top === "sections" && typeof si === "number" && sub === "questions" && typeof qi === "number") {
      const columnIndex = QUESTION_COLUMNS.findIndex(([id]) => id === field);
      problems.push({
        row: sections[si]!.rows[qi]!,
        column: columnIndex >= 0 ? `${columnLetter(columnIndex)} (${QUESTION_COLUMNS[columnIndex]![1]})` : "-",
        message: issue.message,
      });
    } else if (top === "sections" && typeof si === "number") {
      const columnIndex = QUESTION_COLUMNS.findIndex(([id]) => id === `section_${String(sub)}`);
      problems.push({ row: sections[si]!.rows[0] ?? 0, column: columnIndex >= 0 ? `${columnLetter(columnIndex)} (${QUESTION_COLUMNS[columnIndex]![1]})` : "-", message: issue.message });
    } else problems.push({ row: 0, column: "-", message: issue.message });
  }
  return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
}
