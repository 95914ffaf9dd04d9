import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/domain/csv";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { assessmentToCsv, assessmentToXlsx } from "./assessment-export";

const data = {
  title: "ChatGPT",
  definition: templateSchema.parse(DEFAULT_QUESTIONNAIRE),
  answers: {
    trains_on_customer_data: { value: "yes", comment: "=cmd|' /C calc'!A0", files: [] },
    processing_regions: { value: ["EU", "US"], comment: null, files: [] },
    retention_days: { value: 30, comment: null, files: [] },
  },
};

describe("assessment export", () => {
  it("writes labels, comments and every question as CSV, formulas neutralised", () => {
    const rows = parseCsv(assessmentToCsv(data));
    expect(rows[0]).toEqual(["Section", "Question key", "Question", "Required", "Answer", "Comment"]);
    const byKey = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byKey.get("trains_on_customer_data")?.[4]).toBe("Yes");
    expect(byKey.get("trains_on_customer_data")?.[5]).toBe("'=cmd|' /C calc'!A0");
    expect(byKey.get("processing_regions")?.[4]).toBe("European Union; United States");
    expect(byKey.get("retention_days")?.[4]).toBe("30");
    expect(rows.length - 1).toBe(data.definition.sections.flatMap((s) => s.questions).length);
  });

  it("writes the same rows to XLSX", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await assessmentToXlsx(data)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Answers")!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === "processing_regions")!;
    expect(row.getCell(5).value).toBe("European Union; United States");
  });
});
