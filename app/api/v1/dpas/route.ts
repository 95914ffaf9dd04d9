import { apiListDpas } from "@/lib/db/api-v1";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { dpaBody } from "@/lib/http/api-v1/serialize";
import type { DpaListQuery } from "@/lib/validation/api-v1/queries";

export const GET = apiRoute(OPERATIONS.listDpas, async ({ caller, query }) => {
  const page = await apiListDpas(caller.ctx, query as DpaListQuery);
  return { data: page.data.map(dpaBody), nextCursor: page.nextCursor };
});
