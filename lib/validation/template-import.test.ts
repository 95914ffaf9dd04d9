import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
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

  it("keeps number questions' scoring bands, and refuses a weighted number question without any", () => {
    const definition = templateSchema.parse(DEFAULT_QUESTIONNAIRE);
    const breach = definition.sections.flatMap((s) => s.questions).find((q) => q.key === "breach_notice_hours")!;
    expect(breach.bands).toEqual([{ min: null, max: 72, points: 100 }, { min: null, max: 96, points: 50 }]);
    const broken = structuredClone(definition);
    const q = broken.sections.flatMap((s) => s.questions).find((x) => x.key === "retention_days")!;
    q.bands = null;
    const result = parseTemplateJson(JSON.stringify(broken));
    expect(result).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/scoring bands/) }] });
    q.weight = 0;
    expect(parseTemplateJson(JSON.stringify(broken)).ok).toBe(true);
  });
  it("a text question cannot carry a weight that does nothing; left out, its weight is 0", () => {
    const text = (extra: object) => ({ name: "T", sections: [{ key: "s1", title: "S", questions: [{ key: "notes", prompt: "Notes?", type: "TEXT", ...extra }] }] });
    expect(parseTemplateJson(JSON.stringify(text({ weight: 2 })))).toMatchObject({ ok: false, problems: [{ path: "sections[0].questions[0].weight" }] });
    const ok = parseTemplateJson(JSON.stringify(text({})));
    expect(ok.ok && ok.definition.sections[0]!.questions[0]!.weight).toBe(0);
  });
});
