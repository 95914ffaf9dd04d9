import { apiGetDpa } from "@/lib/db/api-v1";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { dpaBody } from "@/lib/http/api-v1/serialize";

export const GET = apiRoute(OPERATIONS.getDpa, async ({ caller, params }) => dpaBody(await apiGetDpa(caller.ctx, params.dpaId!)));
