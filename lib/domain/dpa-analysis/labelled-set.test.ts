/**
 * The rule pack against the whole labelled set: agreement must not fall below what version 1
 * reached (107 of 108 clauses, every fact). A rule change that loses a clause fails here; one that
 * gains lets the floor be raised. The benchmark (npm run bench -- dpa) reports the same figures.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadLabelledDpas } from "@/lib/testing/dpa-labelled-set";
import { compare } from "./compare-with-labels";
import { extractDocumentText } from "@/lib/files/document-text/extract-document-text";
import { analyseDpa } from "./analyse-dpa";

describe("the labelled DPA set", () => {
  it("keeps clause agreement and fact accuracy at least where version 1 left them", async () => {
    const labelled = await loadLabelledDpas();
    expect(labelled.length).toBeGreaterThanOrEqual(8);
    expect(labelled.filter((d) => d.heldOut).length).toBeGreaterThanOrEqual(3);
    let agreed = 0;
    let facts = 0;
    const misses: string[] = [];
    for (const doc of labelled) {
      const result = compare(doc, analyseDpa(await extractDocumentText(await readFile(doc.file), doc.file)));
      agreed += result.clausesAgreed;
      facts += result.factsRight;
      misses.push(...result.misses.map((m) => `${doc.name}: ${m}`));
    }
    expect({ agreed, facts, misses }).toMatchObject({ agreed: expect.any(Number), facts: labelled.length * 5 });
    expect(agreed, misses.join("\n")).toBeGreaterThanOrEqual(107);
  });
});
