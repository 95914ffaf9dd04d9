import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { claimedReportId } from "@/lib/domain/reports/report-hash";
import { createHash } from "node:crypto";
import { renderReport } from "./render-report";
import { renderReportV2 } from "./render-report-v2";
import { renderSnapshot } from "./render-snapshot";
import type { ProductReportData } from "./report-data";
import { largeProductReport, samplePortfolioReport, sampleProductReport, sampleProductReportV2 } from "./report-fixtures";

/** SHA-256 of the frozen renderer's PDF of the version 2 sample: if this changes, old reports no longer re-render to their issued bytes. */
const FROZEN_V2_SHA256 = "9c77c95dc0410e8aa060e664f0bd19db95bc2036d6355f31dea6179ab1bcb8af";
/**
 * SHA-256 of version 3 snapshots' PDFs as issued (issue 17: the faster table drawing in
 * cell-text.ts must write the very bytes doc.text() wrote). If one changes, reports already issued
 * as version 3 no longer re-render to their bytes: freeze the renderer and bump the version instead.
 */
const V3_SHA256 = {
  typical: "4c06a697423f5e25a8aa4dfe9fabd90e9cc95fe1d557bd4af88057d768b935d2",
  large: "49dcb185b3cd3dbc388ef7b71d5d4fb7f578623a10337853b885f19bb3c63bb2",
  portfolio: "18599d799f0b046db643481dca9444f3e3f2939a10866f414b3498e015f94391",
};
const sha256 = (pdf: Buffer) => createHash("sha256").update(pdf).digest("hex");

/** Each page's text items (non-blank), in content-stream order. */
async function pagesOf(pdf: Buffer): Promise<string[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).filter((s) => s.trim() !== ""));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Whitespace-normalised text of a page (lines joined with a space). */
const textOf = (items: string[]) => items.join(" ").replace(/\s+/g, " ");
/** Without any whitespace: wrapped cells break lines at spaces or after hyphens. */
const squash = (s: string) => s.replace(/\s+/g, "");
const latin1 = (pdf: Buffer) => pdf.toString("latin1");
/** Whether the raw bytes hold `s` (a boolean, so a failure does not print the whole PDF). */
const rawHas = (pdf: Buffer, s: string) => latin1(pdf).includes(s);

/** Asserts that `headings` occur as whole text items, in this order. */
function expectInOrder(items: string[], headings: string[]) {
  let from = 0;
  for (const heading of headings) {
    const at = items.indexOf(heading, from);
    expect(at, `heading "${heading}" after item ${from}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

const PRODUCT_HEADINGS = [
  "AI vendor risk report",
  "Executive summary",
  "Red flags",
  "Contradictions",
  "DPA checklist",
  "Certifications",
  "Sub-processors and regions",
  "Questionnaire answers",
  "Score breakdown",
  "Exceptions",
  "Review and expiry dates",
  "Audit trail (excerpt)",
  "Methodology",
  "Signature and verification",
  "Verify this report",
];

function expectPageNumbers(pages: string[][]) {
  pages.forEach((items, i) => {
    expect(textOf(items), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(textOf(items).match(/Page \d+ of \d+/g), `page ${i + 1}`).toHaveLength(1);
  });
}

describe("renderReport: product report", { timeout: 30_000 }, () => {
  it("has every section, in order, with the report's content", async () => {
    const { data, meta } = sampleProductReport();
    const pages = await pagesOf(await renderReport(data, meta));
    const items = pages.flat();
    const all = squash(textOf(items));
    const has = (s: string) => expect(all, s).toContain(squash(s));

    expectInOrder(items, PRODUCT_HEADINGS);
    expect(items).toContain(`${data.score.score} / 100`);
    expect(items).toContain(data.score.tier);
    has(data.score.tierReason);
    for (const flag of data.flags) {
      has(flag.label);
      has(flag.evidence);
    }
    for (const c of data.contradictions!) {
      has(c.title);
      has(c.left);
      has(c.right);
      has(c.status);
    }
    expect(data.dpa!.clauses.length).toBeGreaterThanOrEqual(12);
    for (const clause of data.dpa!.clauses) has(clause.label);
    for (const cert of data.certifications) has(cert.name);
    for (const sub of data.subProcessors) has(sub.name);
    for (const answer of data.questionnaire!.sections.flatMap((s) => s.answers)) {
      has(answer.prompt);
      has(answer.answer);
    }
    has(data.exceptions[0]!.justification);
    has(data.decision!.justification);
    for (const condition of data.decision!.conditions) has(condition.text);
    has(`Purpose ${data.useCase!.purpose}`);
    has(`Generated 2026-03-14 09:30 UTC by ${meta.generatedBy}`);
    for (const event of data.audit) has(`${event.at} ${event.actor} ${event.action}`);
    for (const date of data.dates) has(`${date.label} ${date.dueOn}`);
    expect(items).toContain(`Report ID ${meta.reportId}`);
    // The hash is one text run, so a reader copying it gets all 64 digits.
    expect(meta.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(items).toContain(`Content SHA-256: ${meta.contentSha256}`);
    expect(items).toContain(`Check it at ${meta.verifyUrl}`);
  });

  it("runs the header on every page but the cover, and numbers every page", async () => {
    const { data, meta } = sampleProductReport();
    const pages = await pagesOf(await renderReport(data, meta));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const header = `Risk report — ${data.vendor.name} — ${data.product.name}`;
    expect(textOf(pages[0]!)).not.toContain("Risk report —");
    expect(textOf(pages[0]!)).toContain("AI vendor risk report");
    for (const items of pages.slice(1)) {
      expect(items).toContain(header);
      expect(items).toContain(meta.organizationName);
    }
    for (const items of pages) expect(items).toContain(`Report ${meta.reportId}`);
    expectPageNumbers(pages);
  });

  it("is deterministic: the same input gives the same bytes, any change other bytes", async () => {
    const { data, meta } = sampleProductReport();
    const first = await renderReport(data, meta);
    const second = await renderReport(structuredClone(data), { ...meta });
    expect(first.equals(second)).toBe(true);
    const rescored = await renderReport({ ...data, score: { ...data.score, score: data.score.score - 1 } }, meta);
    expect(rescored.equals(first)).toBe(false);
    const otherId = await renderReport(data, { ...meta, reportId: "r00000000000000000000000a" });
    expect(otherId.equals(first)).toBe(false);
  });

  it("carries its id and dates in the metadata, and embeds its fonts", async () => {
    const { data, meta } = sampleProductReport();
    const pdf = await renderReport(data, meta);
    const raw = latin1(pdf);
    expect(rawHas(pdf, `vetta-report:${meta.reportId}`)).toBe(true);
    expect(claimedReportId(pdf)).toBe(meta.reportId);
    // Info entries are indirect objects: "/CreationDate 27 0 R" … "27 0 obj\n(D:…)".
    const infoString = (key: string) => {
      const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw);
      expect(ref, key).not.toBeNull();
      return new RegExp(`\n${ref![1]} 0 obj\n\\(([^)]*)\\)`).exec(raw)?.[1];
    };
    expect(infoString("CreationDate")).toBe("D:20260314093000Z");
    expect(infoString("ModDate")).toBe("D:20260314093000Z");
    expect(infoString("Producer")).toBe("Vetta");
    expect(infoString("Creator")).toBe("Vetta");
    expect(infoString("Keywords")).toBe(`vetta-report:${meta.reportId}`);
    expect(rawHas(pdf, "/FontFile2")).toBe(true);
    expect(rawHas(pdf, "/BaseFont /Helvetica")).toBe(false);
    expect(rawHas(pdf, "Helvetica")).toBe(false);
    // The gauge and bars are vectors, not images.
    expect(rawHas(pdf, "/Subtype /Image")).toBe(false);
  });

  it("says so when there is nothing to show", async () => {
    const { data, meta } = sampleProductReport();
    const empty: ProductReportData = {
      ...data,
      vendor: { ...data.vendor, website: null },
      product: { ...data.product, processingRegions: [] },
      useCase: null,
      score: { ...data.score, score: 0, tier: "CRITICAL", tierReason: "Critical red flag: NO_DPA", contributions: [] },
      decision: null,
      flags: [],
      dpa: null,
      certifications: [],
      subProcessors: [],
      questionnaire: null,
      exceptions: [],
      dates: [],
      audit: [],
    };
    const pages = await pagesOf(await renderReport(empty, meta));
    const items = pages.flat();
    expectInOrder(items, PRODUCT_HEADINGS);
    expectInOrder(items, ["No decision recorded.", "No red flags.", "No DPA recorded.", "None recorded.", "None recorded.", "No questionnaire submitted.", "None: risk exceptions belong to a client's use case.", "None.", "No audit events."]);
    expect(items).toContain("0 / 100");
    expect(items).toContain("CRITICAL");
    expect(items).not.toContain("Use case");
    expectPageNumbers(pages);
  });

  it("cuts a row taller than a page with an ellipsis instead of splitting it", async () => {
    const { data, meta } = sampleProductReport();
    const huge = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(" ");
    const q = data.questionnaire!;
    const withHuge: ProductReportData = { ...data, questionnaire: { ...q, sections: [{ title: "Huge", answers: [{ prompt: "Tell us everything", answer: huge }] }, ...q.sections] } };
    const normal = await pagesOf(await renderReport(data, meta));
    const pages = await pagesOf(await renderReport(withHuge, meta));
    // At most one page more: the row was cut to a page, not spread over many.
    expect(pages.length).toBeLessThanOrEqual(normal.length + 2);
    const all = textOf(pages.flat());
    expect(all).toContain("word0 word1");
    expect(all).not.toContain("word2999");
    expect(all).toMatch(/word\d+…/);
    expectPageNumbers(pages);
  });

  it("rejects a generatedAt that is not an instant", async () => {
    const { data, meta } = sampleProductReport();
    await expect(renderReport(data, { ...meta, generatedAt: "yesterday" })).rejects.toThrow(/generatedAt/);
  });
});

describe("renderReport: what an auditor needs (issue 15.11)", { timeout: 30_000 }, () => {
  it("states the decision, why the tier (capped by a flag), the methodology, the signature with the hash, and a confidentiality line on every page", async () => {
    const { data, meta } = sampleProductReport();
    const pages = await pagesOf(await renderReport(data, meta));
    const all = squash(textOf(pages.flat()));
    for (const s of [data.summary!.decision, ...data.summary!.conditions, data.score.tierReason, "Capped by a high flag", data.signature!.statement, meta.contentSha256, data.audience!.note]) expect(all, s).toContain(squash(s));
    for (const f of data.methodology!.flags) expect(all).toContain(squash(`${f.label}`));
    for (const t of data.methodology!.tiers) expect(all).toContain(squash(t));
    pages.forEach((items, i) => expect(squash(textOf(items)), `page ${i + 1}`).toContain(squash(data.confidentiality!)));
    // No bare codes: flags, clauses and actions in words.
    expect(all).not.toMatch(/NO_INDEPENDENT_AUDIT|PHI_WITHOUT_BAA|\b(exception|decision|assessment|dpa|certification|usecase|product|report)\.[a-z]+|…[0-9a-f]{6}/);
  });

  it("has a contents page whose page numbers are where each section starts", async () => {
    const { data, meta } = largeProductReport(200);
    const pages = await pagesOf(await renderReport(data, meta));
    const contents = pages[1]!;
    expect(contents[0]).toBe("Contents");
    for (const heading of PRODUCT_HEADINGS.slice(1, -1)) {
      const at = contents.indexOf(heading);
      expect(at, heading).toBeGreaterThan(0);
      const page = Number(contents[at + 1]);
      expect(pages[page - 1], `${heading} on page ${page}`).toContain(heading);
    }
  });

  it("keeps reports issued before version 3 byte for byte: the frozen renderer's output is pinned", async () => {
    const { data, meta } = sampleProductReportV2();
    const pdf = await renderReportV2(data, meta);
    expect(sha256(pdf)).toBe(FROZEN_V2_SHA256);
  });

  it("keeps version 3 reports byte for byte: a snapshot re-renders to the bytes issued, first time and again", async () => {
    for (const [name, { data, meta }] of [
      ["typical", sampleProductReport()],
      ["large", largeProductReport(400)],
      ["portfolio", samplePortfolioReport()],
    ] as const) {
      const snapshot = { version: 3, meta: { ...meta }, data };
      expect(sha256(await renderSnapshot(snapshot, meta.contentSha256)), name).toBe(V3_SHA256[name]);
      // Again, now from the cells wrapped and measured by the first rendering.
      expect(sha256(await renderSnapshot(structuredClone(snapshot), meta.contentSha256)), name).toBe(V3_SHA256[name]);
    }
  });
});

describe("renderReport: large product report", () => {
  it("breaks long tables across pages, repeating the header row, never splitting a row", { timeout: 60_000 }, async () => {
    const n = 400;
    const { data, meta } = largeProductReport(n);
    const answers = data.questionnaire!.sections.flatMap((s) => s.answers);
    expect(answers).toHaveLength(n);
    expect(data.audit).toHaveLength(n / 2);
    const pages = await pagesOf(await renderReport(data, meta));
    expect(pages.length).toBeGreaterThan(8);
    expect(pages.length).toBeLessThan(60);
    expectPageNumbers(pages);

    const pageOf = (heading: string) => pages.findIndex((items, i) => i > 1 && items.includes(heading)); // page 2 is the contents
    const start = pageOf("Questionnaire answers");
    const end = pageOf("Score breakdown");
    expect(start).toBeGreaterThan(0);
    expect(end - start).toBeGreaterThanOrEqual(3);
    // Every page in between is table (the header row is repeated), and some open with it.
    for (const items of pages.slice(start + 1, end)) {
      expect(items).toContain("Question");
      expect(items).toContain("Answer");
    }
    const continuations = pages.slice(start + 1, end).filter((items) => items[0] === "Question" && items[1] === "Answer");
    expect(continuations.length).toBeGreaterThanOrEqual(2);

    // Each prompt appears whole on exactly one page: no row was split.
    const squashed = pages.map((items) => squash(textOf(items)));
    for (const answer of answers) {
      expect(squashed.filter((page) => page.includes(squash(answer.prompt))), answer.prompt).toHaveLength(1);
    }
    // The audit table continues with its own header too.
    const audit = pageOf("Audit trail (excerpt)");
    expect(audit).toBeGreaterThan(end - 1);
    expect(pages.slice(audit + 1).some((items) => items[0] === "When" && items[1] === "Who")).toBe(true);
    for (const event of data.audit) expect(squashed.some((page) => page.includes(squash(`${event.at}${event.actor}${event.action}`))), event.at).toBe(true);
  });
});

describe("renderReport: portfolio report", { timeout: 30_000 }, () => {
  it("has its sections, every use case and the counts", async () => {
    const { data, meta } = samplePortfolioReport();
    const pdf = await renderReport(data, meta);
    const pages = await pagesOf(pdf);
    const items = pages.flat();
    const text = textOf(items);
    const all = squash(text);

    expectInOrder(items, ["Client AI portfolio report", "Summary", "Use cases by tier and status", "Critical", "High", "Medium", "Low", "Not scored", "Use cases", "Methodology", "Signature and verification", "Verify this report"]);
    expect(items).toContain(data.client.name);
    for (const u of data.useCases) {
      expect(all).toContain(squash(u.product));
      expect(all).toContain(squash(u.purpose));
      expect(all).toContain(squash(u.status));
      for (const flag of u.openFlags) expect(all).toContain(squash(flag));
    }
    const s = data.summary;
    for (const [label, count] of [
      ["Use cases", s.total],
      ["Approved", s.approved],
      ["Pending", s.pending],
      ["Lapsed", s.lapsed],
      ["Rejected", s.rejected],
      ["Critical tier", s.critical],
      ["High tier", s.high],
    ] as const) {
      expect(text).toMatch(new RegExp(`${label} ${count}(?!\\d)`));
    }
    expect(text).toContain(`Residency ${data.client.residency}`);
    expect(text).toContain(`Data classes ${data.client.dataClasses.join(", ")}`);
    expect(text).toContain(`Frameworks ${data.client.frameworks.join(", ")}`);
    expect(items).toContain(`Content SHA-256: ${meta.contentSha256}`);
    expect(items).toContain(`Report ID ${meta.reportId}`);
    expect(pages[1]).toContain(`Risk report — ${data.client.name}`);
    expectPageNumbers(pages);
    expect(claimedReportId(pdf)).toBe(meta.reportId);
    expect(rawHas(pdf, "Helvetica")).toBe(false);
  });
});
