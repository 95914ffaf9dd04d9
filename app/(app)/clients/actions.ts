"use server";

import { revalidatePath } from "next/cache";
import { createClient, setClientArchived, updateClient } from "@/lib/db/clients";
import { guardedAction } from "@/lib/http/guarded-action";
import { archiveClientInput, clientInput, updateClientInput } from "@/lib/validation/client";

export const createClientAction = guardedAction(clientInput, "client:write", async (actor, input) => {
  const client = await createClient(actor, input);
  revalidatePath("/clients");
  return { id: client.id };
});

export const updateClientAction = guardedAction(updateClientInput, "client:write", async (actor, { id, client }) => {
  await updateClient(actor, id, client);
  revalidatePath(`/clients/${id}`);
  return { id };
});

export const archiveClientAction = guardedAction(archiveClientInput, "client:write", async (actor, { id, archived }) => {
  await setClientArchived(actor, id, archived);
  revalidatePath(`/clients/${id}`);
  revalidatePath("/clients");
  return { id };
});
