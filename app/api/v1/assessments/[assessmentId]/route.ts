import { apiGetAssessment } from "@/lib/db/api-v1";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { assessmentDetailBody } from "@/lib/http/api-v1/serialize";

export const GET = apiRoute(OPERATIONS.getAssessment, async ({ caller, params }) => assessmentDetailBody(await apiGetAssessment(caller.ctx, params.assessmentId!)));
