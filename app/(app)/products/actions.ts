"use server";

import { revalidatePath } from "next/cache";
import { createProduct, setProductArchived, updateProduct } from "@/lib/db/products";
import { guardedAction } from "@/lib/http/guarded-action";
import { archiveProductInput, productInput, updateProductInput } from "@/lib/validation/product";

export const createProductAction = guardedAction(productInput, "vendor:write", async (actor, input) => {
  const product = await createProduct(actor, input);
  revalidatePath(`/vendors/${product.vendorId}`);
  return { id: product.id };
});

export const updateProductAction = guardedAction(updateProductInput, "vendor:write", async (actor, { id, product }) => {
  const saved = await updateProduct(actor, id, product);
  revalidatePath(`/products/${id}`);
  revalidatePath(`/vendors/${saved.vendorId}`);
  return { id };
});

export const archiveProductAction = guardedAction(archiveProductInput, "vendor:write", async (actor, { id, archived }) => {
  await setProductArchived(actor, id, archived);
  revalidatePath(`/products/${id}`);
  return { id };
});
