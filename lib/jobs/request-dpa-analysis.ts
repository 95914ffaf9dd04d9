import "server-only";
import { lastAnalysedFileId, requestDpaAnalysis } from "@/lib/db/dpa-analyses";
import type { TenantContext } from "@/lib/db/tenant";
import { logger } from "@/lib/log/logger";
import { enqueueDpaAnalysis } from "./job-queue";

/** Records the request (one per DPA at a time) and hands it to the worker. */
export async function queueDpaAnalysis(ctx: TenantContext, dpaId: string) {
  const request = await requestDpaAnalysis(ctx, dpaId);
  // A lost send is not lost work: the worker's start-up sweep finds queued analyses.
  if (request.created) await enqueueDpaAnalysis(request.id).catch((error: unknown) => logger.warn({ err: error, analysisId: request.id }, "DPA analysis not enqueued; the worker sweep will pick it up"));
  return request;
}

/**
 * After a DPA is saved: a file the analyser has not read yet is analysed, once. The DPA is saved
 * either way: should queuing fail, the DPA page offers "Analyse document".
 */
export async function analyseNewDpaFile(ctx: TenantContext, dpaId: string, fileId: string | null) {
  try {
    if (!fileId || (await lastAnalysedFileId(ctx, dpaId)) === fileId) return;
    await queueDpaAnalysis(ctx, dpaId);
  } catch (error) {
    logger.warn({ err: error, dpaId }, "DPA analysis not requested after saving the DPA");
  }
}
