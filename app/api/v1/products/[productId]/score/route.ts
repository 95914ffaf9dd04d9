import { apiGetProduct } from "@/lib/db/api-v1";
import { liveProductScore } from "@/lib/db/scoring";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { scoreBody } from "@/lib/http/api-v1/serialize";

export const GET = apiRoute(OPERATIONS.getProductScore, async ({ caller, params }) => {
  const product = await apiGetProduct(caller.ctx, params.productId!);
  const { result } = await liveProductScore(caller.ctx, product.id);
  return scoreBody(product.id, result);
});
