"use server";

import { revalidatePath } from "next/cache";
import { createCertification, setCertificationArchived, updateCertification } from "@/lib/db/certifications";
import { createDpa, updateDpa } from "@/lib/db/dpas";
import { replaceSubProcessors } from "@/lib/db/sub-processors";
import type { TenantContext } from "@/lib/db/tenant";
import { guardedAction } from "@/lib/http/guarded-action";
import { analyseNewDpaFile } from "@/lib/jobs/request-dpa-analysis";
import { archiveCertificationInput, certificationInput, dpaInput, subProcessorListInput, updateCertificationInput, updateDpaInput } from "@/lib/validation/evidence";

/** Evidence changed (lib/db re-scored the product and its use cases in the same transaction): show it. */
async function refresh(_actor: TenantContext, productId: string) {
  revalidatePath(`/products/${productId}`);
  revalidatePath("/approvals");
  revalidatePath("/vendors", "layout");
}

export const createDpaAction = guardedAction(dpaInput, "vendor:write", async (actor, input) => {
  const dpa = await createDpa(actor, input);
  await analyseNewDpaFile(actor, dpa.id, input.fileId);
  await refresh(actor, input.productId);
  return { id: dpa.id };
});

export const updateDpaAction = guardedAction(updateDpaInput, "vendor:write", async (actor, { id, dpa }) => {
  await updateDpa(actor, id, dpa);
  await analyseNewDpaFile(actor, id, dpa.fileId);
  await refresh(actor, dpa.productId);
  return { id };
});

export const createCertificationAction = guardedAction(certificationInput, "vendor:write", async (actor, input) => {
  const cert = await createCertification(actor, input);
  await refresh(actor, input.productId);
  return { id: cert.id };
});

export const updateCertificationAction = guardedAction(updateCertificationInput, "vendor:write", async (actor, { id, certification }) => {
  await updateCertification(actor, id, certification);
  await refresh(actor, certification.productId);
  return { id };
});

export const archiveCertificationAction = guardedAction(archiveCertificationInput, "vendor:write", async (actor, { id, productId, archived }) => {
  await setCertificationArchived(actor, id, archived);
  await refresh(actor, productId);
  return { id };
});

export const saveSubProcessorsAction = guardedAction(subProcessorListInput, "vendor:write", async (actor, input) => {
  const result = await replaceSubProcessors(actor, input);
  await refresh(actor, input.productId);
  return { id: input.productId, changed: result.changed };
});
