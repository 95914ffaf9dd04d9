/**
 * A filled assessment as rows (section, question, answer, comment), written as XLSX or CSV.
 * Answers show as a person reads them: option labels, not their stored values.
 */
import ExcelJS from "exceljs";
import { toCsv } from "@/lib/domain/csv";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import type { TemplateDefinition } from "@/lib/validation/questionnaire-template";

export interface AssessmentExport {
  title: string;
  definition: TemplateDefinition;
  answers: Record<string, { value: AnswerValue; comment: string | null; files: Array<{ originalName: string }> }>;
}

const HEADER = ["Section", "Question key", "Question", "Required", "Answer", "Comment"];

export function assessmentRows(data: AssessmentExport): string[][] {
  return data.definition.sections.flatMap((section) =>
    section.questions.map((q) => {
      const answer = data.answers[q.key];
      const shown = displayAnswer(q, answer);
      return [section.title, q.key, q.prompt, q.required ? "yes" : "no", shown, answer?.comment ?? ""];
    }),
  );
}

export function assessmentToCsv(data: AssessmentExport): string {
  return toCsv([HEADER, ...assessmentRows(data)]);
}

export async function assessmentToXlsx(data: AssessmentExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Answers", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(HEADER).font = { bold: true };
  sheet.addRows(assessmentRows(data));
  [24, 22, 60, 10, 40, 40].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  workbook.title = data.title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
