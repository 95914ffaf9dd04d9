import "server-only";
import type PgBoss from "pg-boss";
import { claimDpaAnalysis, dpaAnalysesToResume, finishDpaAnalysis, setDpaAnalysisProgress } from "@/lib/db/dpa-analyses";
import { analyseSentences } from "@/lib/domain/dpa-analysis/analyse-dpa";
import { documentSentences } from "@/lib/domain/dpa-analysis/sentences";
import { isAppError } from "@/lib/errors/app-error";
import { readEvidence } from "@/lib/files/evidence-store";
import { logger } from "@/lib/log/logger";
import { createQueueOnce, DPA_ANALYSIS_QUEUE } from "./job-queue";

/**
 * Runs one DPA analysis in the worker: claim it, decrypt and read the file (READING), apply the
 * rule pack (ANALYSING), store text, facts and proposals at once (DONE). A file the analyser
 * cannot read (a scan, a damaged PDF) ends FAILED with the message the page shows as written.
 */
export async function runDpaAnalysisJob(id: string): Promise<"DONE" | "FAILED" | null> {
  const job = await claimDpaAnalysis(id);
  if (!job) return null;
  try {
    if (!job.file) throw new Error("analysis file vanished");
    const bytes = await readEvidence(job.file);
    // Loaded on the first analysis, not when the worker starts: the PDF and DOCX readers (pdfjs,
    // mammoth) were half the worker's start-up CPU, and most restarts never analyse a DPA.
    const { extractDocumentText } = await import("@/lib/files/document-text/extract-document-text");
    const doc = await extractDocumentText(bytes, job.fileName);
    const sentences = documentSentences(doc);
    await setDpaAnalysisProgress(id, "ANALYSING", 0);
    const result = analyseSentences(sentences);
    await finishDpaAnalysis(id, { result, blocks: doc.blocks, pageCount: doc.pageCount });
    return "DONE";
  } catch (error) {
    if (!isAppError(error)) logger.error({ err: error, analysisId: id }, "DPA analysis failed");
    await finishDpaAnalysis(id, { error: isAppError(error) ? error.message : "The analysis stopped on our side. Try again; if it keeps failing, fill the checklist by hand." });
    return "FAILED";
  }
}

export async function startDpaAnalysisWorker(boss: PgBoss) {
  await createQueueOnce(boss, DPA_ANALYSIS_QUEUE);
  await boss.work<{ analysisId: string }>(DPA_ANALYSIS_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    const log = logger.child({ jobId: job.id, queue: DPA_ANALYSIS_QUEUE, analysisId: job.data.analysisId });
    log.info({ outcome: await runDpaAnalysisJob(job.data.analysisId) }, "DPA analysis finished");
  });
  for (const id of await dpaAnalysesToResume()) await boss.send(DPA_ANALYSIS_QUEUE, { analysisId: id }, { singletonKey: `resume-${id}`, singletonSeconds: 60 });
}
