import { collectRenewalItems } from "@/lib/db/renewals";
import { todayFor } from "@/lib/db/tenant";
import { addDays } from "@/lib/domain/dates/calendar-date";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { renewalBody } from "@/lib/http/api-v1/serialize";

/** The renewals page's items, as of the organisation's today (its time zone), soonest first. */
export const GET = apiRoute(OPERATIONS.listRenewals, async ({ caller, query }) => {
  const items = await collectRenewalItems(caller.ctx, { until: addDays(todayFor(caller.ctx), query.days as number) });
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind) || a.itemId.localeCompare(b.itemId));
  return { data: items.map(renewalBody) };
});
