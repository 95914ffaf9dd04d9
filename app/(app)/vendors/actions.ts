"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { createImportJob, getImportJobStatus } from "@/lib/db/import-jobs";
import { createVendor, setVendorArchived, updateVendor } from "@/lib/db/vendors";
import { notFound } from "@/lib/errors/app-error";
import { enqueueImport } from "@/lib/jobs/job-queue";
import { archiveInput, updateVendorInput, vendorInput } from "@/lib/validation/vendor";

const create = guardedAction("vendor:write", vendorInput, async (actor, input) => {
  const vendor = await createVendor(actor, input);
  revalidatePath("/vendors");
  return { id: vendor.id };
});

const update = guardedAction("vendor:write", updateVendorInput, async (actor, { id, ...input }) => {
  await updateVendor(actor, id, input);
  revalidatePath(`/vendors/${id}`);
  return { id };
});

const archive = guardedAction("vendor:write", archiveInput, async (actor, { id, archived }) => {
  await setVendorArchived(actor, id, archived);
  revalidatePath(`/vendors/${id}`);
  revalidatePath("/vendors");
  return { id };
});

export async function createVendorAction(raw: unknown) {
  return create(raw);
}
export async function updateVendorAction(raw: unknown) {
  return update(raw);
}
export async function archiveVendorAction(raw: unknown) {
  return archive(raw);
}

const importRun = guardedAction(
  "vendor:write",
  z.object({ csv: z.string().min(1, "Choose a CSV file.").max(5_000_000, "The file is over 5 MB; split it."), fileName: z.string().max(255).nullish() }),
  async (actor, { csv, fileName }) => {
    // The worker checks and writes it (a 30,000-row file takes longer than a request should).
    const job = await createImportJob(actor, { kind: "REGISTER", fileName: fileName ?? null, payload: csv });
    await enqueueImport(job.id);
    return { jobId: job.id };
  },
);

const importStatus = guardedAction("vendor:write", z.object({ jobId: z.string().min(1).max(64) }), async (actor, { jobId }) => {
  const job = await getImportJobStatus(actor, jobId);
  if (!job) throw notFound("import");
  if (job.status === "DONE") revalidatePath("/vendors");
  return { status: job.status, total: job.total, processed: job.processed, errors: job.rowErrors, result: job.result, error: job.error };
});

export async function importRegisterAction(raw: unknown) {
  return importRun(raw);
}
export async function importStatusAction(raw: unknown) {
  return importStatus(raw);
}
