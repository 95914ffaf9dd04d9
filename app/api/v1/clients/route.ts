import { apiGetClient, apiListClients } from "@/lib/db/api-v1";
import { createClient } from "@/lib/db/clients";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { clientBody } from "@/lib/http/api-v1/serialize";
import type { ClientListQuery } from "@/lib/validation/api-v1/queries";
import { clientInput } from "@/lib/validation/client";

export const GET = apiRoute(OPERATIONS.listClients, async ({ caller, query }) => {
  const page = await apiListClients(caller.ctx, query as ClientListQuery);
  return { data: page.data.map(clientBody), nextCursor: page.nextCursor };
});

export const POST = apiRoute(OPERATIONS.createClient, async ({ caller, body, parseBody }) => {
  const created = await createClient(caller.ctx, parseBody(clientInput, body));
  return clientBody(await apiGetClient(caller.ctx, created.id));
});
