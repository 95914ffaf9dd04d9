import { apiGetProduct } from "@/lib/db/api-v1";
import { setProductArchived, updateProduct } from "@/lib/db/products";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { productAsInput, productBody } from "@/lib/http/api-v1/serialize";
import { archivedFlag } from "@/lib/validation/api-v1/queries";
import { productInput } from "@/lib/validation/product";

export const GET = apiRoute(OPERATIONS.getProduct, async ({ caller, params }) => productBody(await apiGetProduct(caller.ctx, params.productId!)));

/** Fields left out keep their values; the merged product passes the form's own schema. */
export const PATCH = apiRoute(OPERATIONS.updateProduct, async ({ caller, params, body, parseBody }) => {
  const current = await apiGetProduct(caller.ctx, params.productId!);
  const { archived } = parseBody(archivedFlag, body);
  const { archived: _ignored, ...fields } = body;
  if (Object.keys(fields).length > 0) await updateProduct(caller.ctx, current.id, parseBody(productInput, { ...productAsInput(current), ...fields }));
  if (archived !== undefined && archived !== (current.archivedAt !== null)) await setProductArchived(caller.ctx, current.id, archived);
  return productBody(await apiGetProduct(caller.ctx, current.id));
});
