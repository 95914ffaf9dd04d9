import { getReport } from "@/lib/db/reports";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { reportBody } from "@/lib/http/api-v1/serialize";

export const GET = apiRoute(OPERATIONS.getReport, async ({ caller, params }) => reportBody(await getReport(caller.ctx, params.reportId!)));
