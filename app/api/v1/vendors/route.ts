import { apiGetVendor, apiListVendors } from "@/lib/db/api-v1";
import { createVendor } from "@/lib/db/vendors";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { vendorBody } from "@/lib/http/api-v1/serialize";
import type { VendorListQuery } from "@/lib/validation/api-v1/queries";
import { vendorInput } from "@/lib/validation/vendor";

export const GET = apiRoute(OPERATIONS.listVendors, async ({ caller, query }) => {
  const page = await apiListVendors(caller.ctx, query as VendorListQuery);
  return { data: page.data.map(vendorBody), nextCursor: page.nextCursor };
});

export const POST = apiRoute(OPERATIONS.createVendor, async ({ caller, body, parseBody }) => {
  const created = await createVendor(caller.ctx, parseBody(vendorInput, body));
  return vendorBody(await apiGetVendor(caller.ctx, created.id));
});
