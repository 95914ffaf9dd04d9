import { apiGetProduct, apiListProducts } from "@/lib/db/api-v1";
import { createProduct } from "@/lib/db/products";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { productBody } from "@/lib/http/api-v1/serialize";
import type { ProductListQuery } from "@/lib/validation/api-v1/queries";
import { productInput } from "@/lib/validation/product";

export const GET = apiRoute(OPERATIONS.listProducts, async ({ caller, query }) => {
  const page = await apiListProducts(caller.ctx, query as ProductListQuery);
  return { data: page.data.map(productBody), nextCursor: page.nextCursor };
});

export const POST = apiRoute(OPERATIONS.createProduct, async ({ caller, body, parseBody }) => {
  const created = await createProduct(caller.ctx, parseBody(productInput, body));
  return productBody(await apiGetProduct(caller.ctx, created.id));
});
