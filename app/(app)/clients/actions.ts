"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { createClient, setClientArchived, updateClient } from "@/lib/db/clients";
import { archiveClientInput, clientInput, updateClientInput } from "@/lib/validation/client";

const create = guardedAction("client:write", clientInput, async (actor, input) => {
  const client = await createClient(actor, input);
  revalidatePath("/clients");
  return { id: client.id };
});

const update = guardedAction("client:write", updateClientInput, async (actor, { id, client }) => {
  await updateClient(actor, id, client);
  revalidatePath(`/clients/${id}`);
  return { id };
});

const archive = guardedAction("client:write", archiveClientInput, async (actor, { id, archived }) => {
  await setClientArchived(actor, id, archived);
  revalidatePath(`/clients/${id}`);
  revalidatePath("/clients");
  return { id };
});

export async function createClientAction(raw: unknown) {
  return create(raw);
}
export async function updateClientAction(raw: unknown) {
  return update(raw);
}
export async function archiveClientAction(raw: unknown) {
  return archive(raw);
}
