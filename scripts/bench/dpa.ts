/**
 * `npm run bench -- dpa`: how well and how fast the DPA analyser reads the labelled set
 * (lib/domain/dpa-analysis/fixtures). Each document is analysed twice: from its own format
 * (Markdown, text, HTML) and as a PDF made from the same text (pdfkit: wrapped lines, page breaks,
 * footers), so the PDF path is measured too. Reports clause agreement (all and held-out), fact
 * accuracy, and the time per page, plus a long DPA of 100+ pages end to end.
 */
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { analyseDpa } from "../../lib/domain/dpa-analysis/analyse-dpa";
import type { DocumentText } from "../../lib/domain/dpa-analysis/document";
import { DPA_RULE_VERSION } from "../../lib/domain/dpa-analysis/rule-version";
import { extractDocumentText } from "../../lib/files/document-text/extract-document-text";
import { textPdf } from "../../lib/testing/dpa-documents";
import { compare, type Comparison } from "../../lib/domain/dpa-analysis/compare-with-labels";
import { loadLabelledDpas } from "../../lib/testing/dpa-labelled-set";

const asText = (doc: DocumentText) => doc.blocks.map((b) => (b.heading ? `# ${b.text}` : b.text)).join("\n\n");
const percent = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;

async function timedMedian(runs: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function benchDpa(): Promise<string> {
  const labelled = await loadLabelledDpas();
  const rows: string[] = [];
  const native: Array<{ heldOut: boolean; c: Comparison }> = [];
  const viaPdf: Array<{ heldOut: boolean; c: Comparison }> = [];
  const misses: string[] = [];
  let pages = 0;
  let pdfMs = 0;
  for (const doc of labelled) {
    const bytes = await readFile(doc.file);
    const text = await extractDocumentText(bytes, doc.file);
    const c = compare(doc, analyseDpa(text));
    const pdf = await textPdf(asText(text));
    const fromPdf = await extractDocumentText(pdf, `${doc.name}.pdf`);
    const p = compare(doc, analyseDpa(fromPdf));
    const ms = await timedMedian(5, async () => analyseDpa(await extractDocumentText(pdf, "x.pdf")));
    pages += fromPdf.pageCount ?? 0;
    pdfMs += ms;
    native.push({ heldOut: doc.heldOut, c });
    viaPdf.push({ heldOut: doc.heldOut, c: p });
    misses.push(...c.misses.map((m) => `${doc.name}: ${m}`), ...p.misses.filter((m) => !c.misses.includes(m)).map((m) => `${doc.name} (PDF): ${m}`));
    rows.push(`| ${doc.name} | ${doc.style} | ${doc.heldOut ? "yes" : "no"} | ${c.clausesAgreed}/12 | ${p.clausesAgreed}/12 | ${c.factsRight}/${c.factsTotal} | ${fromPdf.pageCount} |`);
    console.log(`dpa ${doc.name.padEnd(28)} clauses ${c.clausesAgreed}/12 (PDF ${p.clausesAgreed}/12) facts ${c.factsRight}/${c.factsTotal}`);
  }
  const sum = (list: typeof native, heldOut?: boolean) => {
    const chosen = list.filter((x) => heldOut === undefined || x.heldOut === heldOut).map((x) => x.c);
    return { clauses: chosen.reduce((s, c) => s + c.clausesAgreed, 0), clausesOf: chosen.reduce((s, c) => s + c.clausesTotal, 0), facts: chosen.reduce((s, c) => s + c.factsRight, 0), factsOf: chosen.reduce((s, c) => s + c.factsTotal, 0) };
  };
  const all = sum(native);
  const held = sum(native, true);
  const dev = sum(native, false);
  const pdfAll = sum(viaPdf);
  const pdfHeld = sum(viaPdf, true);

  // A long DPA: the whole set, repeated, as one PDF of 100+ pages.
  let longText = "";
  const texts = await Promise.all(labelled.map(async (d) => asText(await extractDocumentText(await readFile(d.file), d.file))));
  while (longText.length < 320_000) longText += `${texts.join("\n\n")}\n\n`;
  const longPdf = await textPdf(longText);
  const longDoc = await extractDocumentText(longPdf, "long.pdf");
  const longMs = await timedMedian(3, async () => analyseDpa(await extractDocumentText(longPdf, "long.pdf")));
  console.log(`dpa long PDF ${longDoc.pageCount} pages: ${longMs.toFixed(0)} ms`);

  return [
    "## DPA analyser",
    "",
    `Rule version ${DPA_RULE_VERSION}, ${labelled.length} labelled DPAs written for Vetta (lib/domain/dpa-analysis/fixtures; labelling guide in its README). ${labelled.filter((d) => d.heldOut).length} of them were held out: committed before any rule existed and not used while writing the rules. One author wrote both the documents and the rules, so even the held-out figure is likely optimistic for vendors' real contracts.`,
    "",
    "| measure | all | held-out | development |",
    "|---|---|---|---|",
    `| clause agreement (own format) | ${all.clauses}/${all.clausesOf} = ${percent(all.clauses, all.clausesOf)} | ${held.clauses}/${held.clausesOf} = ${percent(held.clauses, held.clausesOf)} | ${dev.clauses}/${dev.clausesOf} = ${percent(dev.clauses, dev.clausesOf)} |`,
    `| clause agreement (as PDF) | ${pdfAll.clauses}/${pdfAll.clausesOf} = ${percent(pdfAll.clauses, pdfAll.clausesOf)} | ${pdfHeld.clauses}/${pdfHeld.clausesOf} = ${percent(pdfHeld.clauses, pdfHeld.clausesOf)} | |`,
    `| fact accuracy | ${all.facts}/${all.factsOf} = ${percent(all.facts, all.factsOf)} | ${held.facts}/${held.factsOf} = ${percent(held.facts, held.factsOf)} | ${dev.facts}/${dev.factsOf} = ${percent(dev.facts, dev.factsOf)} |`,
    `| time per page (PDF text extraction + analysis, median of 5) | ${(pdfMs / pages).toFixed(1)} ms over ${pages} pages | | |`,
    `| a ${longDoc.pageCount}-page DPA end to end | ${(longMs / 1000).toFixed(2)} s (${(longMs / (longDoc.pageCount ?? 1)).toFixed(1)} ms per page) | | |`,
    "",
    "| document | style | held out | clauses | clauses (PDF) | facts | PDF pages |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    misses.length ? `Disagreements: ${misses.map((m) => `\`${m}\``).join("; ")}.` : "No disagreements.",
    "",
  ].join("\n");
}
