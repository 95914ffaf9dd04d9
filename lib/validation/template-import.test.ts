import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/prisma/catalogue/default-questionnaire";
import { templateSchema } from "./questionnaire-template";
import { parseTemplateJson } from "./template-import";

describe("template JSON import", () => {
  it("round-trips the default template losslessly", () => {
    const definition = templateSchema.parse(DEFAULT_QUESTIONNAIRE);
    const exported = JSON.stringify({ format: "vetta.questionnaire/1", ...definition });
    expect(parseTemplateJson(exported)).toEqual({ ok: true, definition });
  });
  it("names where a bad file is wrong", () => {
    const definition = templateSchema.parse(DEFAULT_QUESTIONNAIRE);
    const broken = structuredClone(definition) as { sections: Array<{ questions: Array<Record<string, unknown>> }> };
    broken.sections[2]!.questions[1]!.type = "ESSAY";
    const result = parseTemplateJson(JSON.stringify(broken));
    expect(result).toMatchObject({ ok: false, problems: [{ path: "sections[2].questions[1].type" }] });
    expect(parseTemplateJson("{ nope")).toMatchObject({ ok: false, problems: [{ path: "(file)" }] });
  });
});
