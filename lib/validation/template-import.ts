import { templateSchema, type TemplateDefinition } from "./questionnaire-template";

export interface ImportProblem {
  path: string;
  message: string;
}

/** Parses an uploaded template file; every problem is reported with where it is (e.g. sections[2].questions[4].options). */
export function parseTemplateJson(text: string): { ok: true; definition: TemplateDefinition } | { ok: false; problems: ImportProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: "(file)", message: `This is not valid JSON: ${error instanceof Error ? error.message : "parse error"}.` }] };
  }
  if (data && typeof data === "object" && "format" in data && (data as { format: unknown }).format !== "vetta.questionnaire/1") {
    return { ok: false, problems: [{ path: "format", message: "Unknown format: expected vetta.questionnaire/1." }] };
  }
  const parsed = templateSchema.safeParse(data);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({
      path: i.path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "") || "(root)",
      message: i.message,
    })),
  };
}
