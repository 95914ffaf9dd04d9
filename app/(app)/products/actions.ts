"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { createProduct, setProductArchived, updateProduct } from "@/lib/db/products";
import { liveProductScore } from "@/lib/db/scoring";
import { productInput, updateProductInput } from "@/lib/validation/product";

const create = guardedAction("vendor:write", productInput, async (actor, input) => {
  const product = await createProduct(actor, input);
  revalidatePath(`/vendors/${product.vendorId}`);
  return { id: product.id };
});

const update = guardedAction("vendor:write", updateProductInput, async (actor, { id, product }) => {
  const saved = await updateProduct(actor, id, product);
  await liveProductScore(actor, id);
  revalidatePath(`/products/${id}`);
  revalidatePath(`/vendors/${saved.vendorId}`);
  return { id };
});

const archive = guardedAction("vendor:write", z.object({ id: z.string().min(1).max(64), archived: z.boolean() }), async (actor, { id, archived }) => {
  await setProductArchived(actor, id, archived);
  revalidatePath(`/products/${id}`);
  return { id };
});

export async function createProductAction(raw: unknown) {
  return create(raw);
}
export async function updateProductAction(raw: unknown) {
  return update(raw);
}
export async function archiveProductAction(raw: unknown) {
  return archive(raw);
}
