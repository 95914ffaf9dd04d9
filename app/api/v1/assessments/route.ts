import { apiListAssessments } from "@/lib/db/api-v1";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { assessmentBody } from "@/lib/http/api-v1/serialize";
import type { AssessmentListQuery } from "@/lib/validation/api-v1/queries";

export const GET = apiRoute(OPERATIONS.listAssessments, async ({ caller, query }) => {
  const page = await apiListAssessments(caller.ctx, query as AssessmentListQuery);
  return { data: page.data.map(assessmentBody), nextCursor: page.nextCursor };
});
