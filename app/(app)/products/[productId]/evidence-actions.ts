"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { createCertification, setCertificationArchived, updateCertification } from "@/lib/db/certifications";
import { createDpa, updateDpa } from "@/lib/db/dpas";
import { liveProductScore } from "@/lib/db/scoring";
import { replaceSubProcessors } from "@/lib/db/sub-processors";
import type { TenantContext } from "@/lib/db/tenant";
import { certificationInput, dpaInput, subProcessorListInput } from "@/lib/validation/evidence";

const idField = z.string().min(1).max(64);

/** Evidence changed: re-score the product and its use cases (the cached tiers lists and the matrix show), then revalidate. */
async function refresh(actor: TenantContext, productId: string) {
  await liveProductScore(actor, productId);
  revalidatePath(`/products/${productId}`);
  revalidatePath("/approvals");
  revalidatePath("/vendors", "layout");
}

const createDpaRun = guardedAction("vendor:write", dpaInput, async (actor, input) => {
  const dpa = await createDpa(actor, input);
  await refresh(actor, input.productId);
  return { id: dpa.id };
});
const updateDpaRun = guardedAction("vendor:write", z.object({ id: idField, dpa: dpaInput }), async (actor, { id, dpa }) => {
  await updateDpa(actor, id, dpa);
  await refresh(actor, dpa.productId);
  return { id };
});
const createCertRun = guardedAction("vendor:write", certificationInput, async (actor, input) => {
  const cert = await createCertification(actor, input);
  await refresh(actor, input.productId);
  return { id: cert.id };
});
const updateCertRun = guardedAction("vendor:write", z.object({ id: idField, certification: certificationInput }), async (actor, { id, certification }) => {
  await updateCertification(actor, id, certification);
  await refresh(actor, certification.productId);
  return { id };
});
const subProcessorsRun = guardedAction("vendor:write", subProcessorListInput, async (actor, input) => {
  const result = await replaceSubProcessors(actor, input);
  await refresh(actor, input.productId);
  return { id: input.productId, changed: result.changed };
});

export async function createDpaAction(raw: unknown) {
  return createDpaRun(raw);
}
export async function updateDpaAction(raw: unknown) {
  return updateDpaRun(raw);
}
export async function createCertificationAction(raw: unknown) {
  return createCertRun(raw);
}
export async function updateCertificationAction(raw: unknown) {
  return updateCertRun(raw);
}
const archiveCertRun = guardedAction(
  "vendor:write",
  z.object({ id: idField, productId: idField, archived: z.boolean() }),
  async (actor, { id, productId, archived }) => {
    await setCertificationArchived(actor, id, archived);
    await refresh(actor, productId);
    return { id };
  },
);

export async function archiveCertificationAction(raw: unknown) {
  return archiveCertRun(raw);
}
export async function saveSubProcessorsAction(raw: unknown) {
  return subProcessorsRun(raw);
}
