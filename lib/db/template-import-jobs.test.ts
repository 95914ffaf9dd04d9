import { beforeAll, describe, expect, it } from "vitest";
import { runImportJob } from "@/lib/jobs/import-jobs";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { createImportJob, getImportJobStatus } from "./import-jobs";
import { prisma } from "./prisma-client";

let org: TestOrganization;
beforeAll(async () => {
  org = await createTestOrganization("Template import");
});

/** The largest template the format allows: 50 sections of 200 questions (10,000 questions). */
function largeTemplate(name: string) {
  return {
    format: "vetta.questionnaire/1",
    name,
    description: null,
    sections: Array.from({ length: 50 }, (_, s) => ({
      key: `s${s}`,
      title: `Section ${s}`,
      description: null,
      questions: Array.from({ length: 200 }, (_, q) => ({ key: `s${s}_q${q}`, prompt: `Question ${q} of section ${s}?`, helpText: null, type: "YES_NO", required: false, weight: 1 })),
    })),
  };
}

const questionsOf = (name: string) => prisma.templateQuestion.count({ where: { organizationId: org.organizationId, templateVersion: { template: { name } } } });

describe("questionnaire template import as a job", () => {
  it("a 10,000-question template imports in the worker as a draft, with progress and the file dropped", { timeout: 240_000 }, async () => {
    const json = JSON.stringify(largeTemplate("Large template"));
    const job = await createImportJob(org.as.ADMIN, { kind: "TEMPLATE", fileName: null, payload: JSON.stringify({ json }) });
    expect(await runImportJob(job.id)).toBe("DONE");
    const status = await getImportJobStatus(org.as.ADMIN, job.id);
    expect(status).toMatchObject({ status: "DONE", total: 10_000, result: { version: 1, questions: 10_000 } });
    expect(await questionsOf("Large template")).toBe(10_000);
    expect((await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).payload).toBeNull();

    // The same name again would be version 2 of that template…
    const again = await createImportJob(org.as.ADMIN, { kind: "TEMPLATE", fileName: null, payload: JSON.stringify({ json }) });
    expect(await runImportJob(again.id)).toBe("FAILED");
    // …unless a draft is still open: then it says so, and nothing more is written.
    expect((await getImportJobStatus(org.as.ADMIN, again.id))?.rowErrors).toEqual([expect.objectContaining({ column: "name", message: expect.stringContaining("already has a draft") })]);
    expect(await questionsOf("Large template")).toBe(10_000);
  });

  it("a large template with one wrong question at the end writes nothing and names its path", { timeout: 120_000 }, async () => {
    const template = largeTemplate("Broken template");
    (template.sections[49]!.questions[199] as { type: string }).type = "ESSAY";
    const job = await createImportJob(org.as.ADMIN, { kind: "TEMPLATE", fileName: null, payload: JSON.stringify({ json: JSON.stringify(template) }) });
    expect(await runImportJob(job.id)).toBe("FAILED");
    const status = await getImportJobStatus(org.as.ADMIN, job.id);
    expect(status?.rowErrors).toEqual([expect.objectContaining({ column: "sections[49].questions[199].type" })]);
    expect(await questionsOf("Broken template")).toBe(0);
    expect(await prisma.questionnaireTemplate.count({ where: { organizationId: org.organizationId, name: "Broken template" } })).toBe(0);
  });
});
