"use server";

import { revalidatePath } from "next/cache";
import { createImportJob, getImportJobStatus } from "@/lib/db/import-jobs";
import { createVendor, setVendorArchived, updateVendor } from "@/lib/db/vendors";
import { notFound } from "@/lib/errors/app-error";
import { guardedAction } from "@/lib/http/guarded-action";
import { enqueueImport } from "@/lib/jobs/job-queue";
import { importRegisterInput, importStatusInput } from "@/lib/validation/register-csv";
import { archiveInput, updateVendorInput, vendorInput } from "@/lib/validation/vendor";

export const createVendorAction = guardedAction(vendorInput, "vendor:write", async (actor, input) => {
  const vendor = await createVendor(actor, input);
  revalidatePath("/vendors");
  return { id: vendor.id };
});

export const updateVendorAction = guardedAction(updateVendorInput, "vendor:write", async (actor, { id, ...input }) => {
  await updateVendor(actor, id, input);
  revalidatePath(`/vendors/${id}`);
  return { id };
});

export const archiveVendorAction = guardedAction(archiveInput, "vendor:write", async (actor, { id, archived }) => {
  await setVendorArchived(actor, id, archived);
  revalidatePath(`/vendors/${id}`);
  revalidatePath("/vendors");
  return { id };
});

export const importRegisterAction = guardedAction(importRegisterInput, "vendor:write", async (actor, { csv, fileName }) => {
  // The worker checks and writes it (a 30,000-row file takes longer than a request should).
  const job = await createImportJob(actor, { kind: "REGISTER", fileName: fileName ?? null, payload: csv });
  await enqueueImport(job.id);
  return { jobId: job.id };
});

export const importStatusAction = guardedAction(importStatusInput, "vendor:write", async (actor, { jobId }) => {
  const job = await getImportJobStatus(actor, jobId);
  if (!job) throw notFound("import");
  if (job.status === "DONE") revalidatePath("/vendors");
  return { status: job.status, total: job.total, processed: job.processed, errors: job.rowErrors, result: job.result, error: job.error };
});
