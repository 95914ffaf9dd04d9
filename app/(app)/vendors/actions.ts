"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { createVendor, setVendorArchived, updateVendor } from "@/lib/db/vendors";
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
