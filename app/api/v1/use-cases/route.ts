import { apiListUseCases } from "@/lib/db/api-v1";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { useCaseBody } from "@/lib/http/api-v1/serialize";
import type { UseCaseListQuery } from "@/lib/validation/api-v1/queries";

export const GET = apiRoute(OPERATIONS.listUseCases, async ({ caller, query }) => {
  const page = await apiListUseCases(caller.ctx, query as UseCaseListQuery);
  return { data: page.data.map(useCaseBody), nextCursor: page.nextCursor };
});
