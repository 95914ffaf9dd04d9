import { apiListReports } from "@/lib/db/api-v1";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { reportBody } from "@/lib/http/api-v1/serialize";
import type { ReportListQuery } from "@/lib/validation/api-v1/queries";

export const GET = apiRoute(OPERATIONS.listReports, async ({ caller, query }) => {
  const page = await apiListReports(caller.ctx, query as ReportListQuery);
  return { data: page.data.map(reportBody), nextCursor: page.nextCursor };
});
