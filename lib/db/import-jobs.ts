import "server-only";
import type { RowError } from "@/lib/validation/register-csv";
import { prisma, type Prisma } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

export type ImportKind = "REGISTER" | "TEMPLATE";
export type ImportStatus = "QUEUED" | "CHECKING" | "WRITING" | "DONE" | "FAILED";

/** A job that has not moved for this long lost its worker (a crash): another worker may take it. */
const STALE_AFTER_SECONDS = 120;

export async function createImportJob(ctx: TenantContext, input: { kind: ImportKind; fileName: string | null; payload: string }) {
  return prisma.importJob.create({
    data: { organizationId: ctx.organizationId, createdById: ctx.userId, actorLabel: ctx.actorLabel, ip: ctx.ip, kind: input.kind, fileName: input.fileName, payload: input.payload },
    select: { id: true },
  });
}

/** What the import page polls: progress while it runs, the result or every row error once done. */
export async function getImportJobStatus(ctx: TenantContext, id: string) {
  const job = await prisma.importJob.findFirst({
    where: inTenant(ctx, { id }),
    select: { id: true, kind: true, status: true, total: true, processed: true, rowErrors: true, result: true, error: true, createdAt: true, updatedAt: true },
  });
  if (!job) return null;
  return { ...job, status: job.status as ImportStatus, rowErrors: (job.rowErrors ?? null) as RowError[] | null, result: (job.result ?? null) as Record<string, number> | null };
}

/**
 * Takes a queued job (or one whose worker died) for this worker, once: the conditional UPDATE
 * lets exactly one of several workers through. The file comes with it.
 */
export async function claimImportJob(id: string) {
  const rows = await prisma.$queryRaw<Array<{ id: string; organizationId: string; createdById: string; actorLabel: string; ip: string | null; kind: string; payload: string | null }>>`
    UPDATE "ImportJob" SET "status" = 'CHECKING', "processed" = 0, "updatedAt" = now()
    WHERE "id" = ${id} AND ("status" = 'QUEUED'
      OR ("status" IN ('CHECKING', 'WRITING') AND "updatedAt" < now() - make_interval(secs => ${STALE_AFTER_SECONDS})))
    RETURNING "id", "organizationId", "createdById", "actorLabel", "ip", "kind", "payload"`;
  return rows[0] ?? null;
}

/** Jobs nobody is working on: queued ones whose message was lost, and ones whose worker died. */
export async function importJobsToResume() {
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "ImportJob"
    WHERE "status" = 'QUEUED' OR ("status" IN ('CHECKING', 'WRITING') AND "updatedAt" < now() - make_interval(secs => ${STALE_AFTER_SECONDS}))`;
  return rows.map((r) => r.id);
}

/** Progress is written outside the import's transaction, so the page sees it while it runs. */
export async function setImportProgress(id: string, status: "CHECKING" | "WRITING", processed: number, total: number) {
  await prisma.importJob.update({ where: { id }, data: { status, processed, total } });
}

export async function finishImportJob(id: string, outcome: { result: Record<string, number> } | { rowErrors: RowError[] } | { error: string }) {
  const data: Prisma.ImportJobUpdateInput = { status: "result" in outcome ? "DONE" : "FAILED", finishedAt: new Date(), payload: null };
  if ("result" in outcome) data.result = outcome.result;
  if ("rowErrors" in outcome) data.rowErrors = outcome.rowErrors as unknown as Prisma.InputJsonArray;
  if ("error" in outcome) data.error = outcome.error;
  await prisma.importJob.update({ where: { id }, data });
}
