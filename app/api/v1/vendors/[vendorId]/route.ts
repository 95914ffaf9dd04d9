import { apiGetVendor } from "@/lib/db/api-v1";
import { setVendorArchived, updateVendor } from "@/lib/db/vendors";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { vendorAsInput, vendorBody } from "@/lib/http/api-v1/serialize";
import { archivedFlag } from "@/lib/validation/api-v1/queries";
import { vendorInput } from "@/lib/validation/vendor";

export const GET = apiRoute(OPERATIONS.getVendor, async ({ caller, params }) => vendorBody(await apiGetVendor(caller.ctx, params.vendorId!)));

/** Fields left out keep their values; the merged vendor passes the form's own schema. */
export const PATCH = apiRoute(OPERATIONS.updateVendor, async ({ caller, params, body, parseBody }) => {
  const current = await apiGetVendor(caller.ctx, params.vendorId!);
  const { archived } = parseBody(archivedFlag, body);
  const { archived: _ignored, ...fields } = body;
  if (Object.keys(fields).length > 0) await updateVendor(caller.ctx, current.id, parseBody(vendorInput, { ...vendorAsInput(current), ...fields }));
  if (archived !== undefined && archived !== (current.archivedAt !== null)) await setVendorArchived(caller.ctx, current.id, archived);
  return vendorBody(await apiGetVendor(caller.ctx, current.id));
});
