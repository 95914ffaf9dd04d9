import { apiGetClient } from "@/lib/db/api-v1";
import { setClientArchived, updateClient } from "@/lib/db/clients";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { clientAsInput, clientBody } from "@/lib/http/api-v1/serialize";
import { archivedFlag } from "@/lib/validation/api-v1/queries";
import { clientInput } from "@/lib/validation/client";

export const GET = apiRoute(OPERATIONS.getClient, async ({ caller, params }) => clientBody(await apiGetClient(caller.ctx, params.clientId!)));

/** Fields left out keep their values; the merged client passes the form's own schema. */
export const PATCH = apiRoute(OPERATIONS.updateClient, async ({ caller, params, body, parseBody }) => {
  const current = await apiGetClient(caller.ctx, params.clientId!);
  const { archived } = parseBody(archivedFlag, body);
  const { archived: _ignored, ...fields } = body;
  if (Object.keys(fields).length > 0) await updateClient(caller.ctx, current.id, parseBody(clientInput, { ...clientAsInput(current), ...fields }));
  if (archived !== undefined && archived !== (current.archivedAt !== null)) await setClientArchived(caller.ctx, current.id, archived);
  return clientBody(await apiGetClient(caller.ctx, current.id));
});
