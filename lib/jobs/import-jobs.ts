import "server-only";
import type PgBoss from "pg-boss";
import { claimImportJob, finishImportJob, importJobsToResume, setImportProgress } from "@/lib/db/import-jobs";
import { checkRegisterRows, importRegister } from "@/lib/db/register-io";
import type { TenantContext } from "@/lib/db/tenant";
import { parseCsv } from "@/lib/domain/csv";
import { parseRegisterRows } from "@/lib/validation/register-csv";
import { createQueueOnce, IMPORT_QUEUE } from "./job-queue";
import { logger } from "@/lib/log/logger";

/**
 * Runs one import in the worker: claim it, check every row (syntax, then the names already in the
 * register), and only when nothing is wrong write it all in one transaction. Progress goes to the
 * job row as it runs; the page polls it. Returns the final status, or null when another worker
 * has the job.
 */
export async function runImportJob(id: string): Promise<"DONE" | "FAILED" | null> {
  const job = await claimImportJob(id);
  if (!job) return null;
  // The permission was checked when the job was created; the worker acts for that person.
  const ctx: TenantContext = { organizationId: job.organizationId, userId: job.createdById, role: "ACCOUNT_MANAGER", clientId: null, actorLabel: job.actorLabel, ip: job.ip };
  try {
    if (job.kind === "TEMPLATE") {
      // Loaded on the first template import, not at worker start (the spreadsheet reader is heavy).
      const { runTemplateImportJob } = await import("./template-import-job");
      return await runTemplateImportJob(id, ctx, job.payload);
    }
    let table: string[][];
    try {
      table = parseCsv(job.payload ?? "");
    } catch (error) {
      await finishImportJob(id, { rowErrors: [{ row: 0, column: "-", message: error instanceof Error ? error.message : "The file is not valid CSV." }] });
      return "FAILED";
    }
    const rowCount = Math.max(table.length - 1, 0);
    await setImportProgress(id, "CHECKING", 0, rowCount);
    const parsed = parseRegisterRows(table);
    const errors = parsed.errors.length ? parsed.errors : (await checkRegisterRows(ctx, parsed.rows)).errors;
    if (errors.length) {
      await finishImportJob(id, { rowErrors: errors });
      return "FAILED";
    }
    await setImportProgress(id, "WRITING", 0, rowCount);
    const result = await importRegister(ctx, parsed.rows, { onProgress: (written, total) => setImportProgress(id, "WRITING", written, total) });
    if (!result.ok) {
      await finishImportJob(id, { rowErrors: result.errors });
      return "FAILED";
    }
    await finishImportJob(id, { result: { vendors: result.vendors, products: result.products } });
    return "DONE";
  } catch (error) {
    const unique = (error as { code?: string }).code === "P2002";
    logger.error({ err: error, jobId: id }, "import failed");
    await finishImportJob(id, {
      error: unique
        ? "Someone added one of these vendors or products while the import ran. Nothing was imported; run it again."
        : "The import stopped on our side and nothing was imported. Try again; if it keeps failing, tell your administrator.",
    });
    return "FAILED";
  }
}

/** Registers the import queue on the worker's pg-boss and picks up jobs left by a crash or a lost send. */
export async function startImportWorker(boss: PgBoss) {
  await createQueueOnce(boss, IMPORT_QUEUE);
  await boss.work<{ importJobId: string }>(IMPORT_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    const log = logger.child({ jobId: job.id, queue: IMPORT_QUEUE, importJobId: job.data.importJobId });
    log.info("import started");
    log.info({ outcome: await runImportJob(job.data.importJobId) }, "import finished");
  });
  for (const id of await importJobsToResume()) await boss.send(IMPORT_QUEUE, { importJobId: id }, { singletonKey: `resume-${id}`, singletonSeconds: 60 });
}
