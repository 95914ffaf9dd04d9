import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { templateFromXlsx, templateToXlsx } from "./template-xlsx";

const definition = templateSchema.parse(DEFAULT_QUESTIONNAIRE);

describe("template XLSX", () => {
  it("round-trips the default template", async () => {
    const result = await templateFromXlsx(await templateToXlsx(definition));
    expect(result).toEqual({ ok: true, definition });
  });

  it("names the row and column of a bad cell, and writes nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateToXlsx(definition)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Questions")!;
    sheet.getCell("G3").value = "ESSAY";
    sheet.getCell("H5").value = "maybe";
    sheet.getCell("M6").value = "up to 72 hours";
    const result = await templateFromXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        expect.objectContaining({ row: 3, column: "G (Type)" }),
        expect.objectContaining({ row: 5, column: "H (Required)", message: "Write yes or no." }),
        expect.objectContaining({ row: 6, column: "M (Scoring bands)" }),
      ]),
    });
  });

  it("refuses a file that is not a workbook", async () => {
    expect(await templateFromXlsx(Buffer.from("not a zip"))).toMatchObject({ ok: false });
  });
});
