import { apiGetUseCase } from "@/lib/db/api-v1";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { useCaseBody } from "@/lib/http/api-v1/serialize";

export const GET = apiRoute(OPERATIONS.getUseCase, async ({ caller, params }) => useCaseBody(await apiGetUseCase(caller.ctx, params.useCaseId!)));
