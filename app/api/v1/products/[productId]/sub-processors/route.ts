import { apiListSubProcessors } from "@/lib/db/api-v1";
import { replaceSubProcessors } from "@/lib/db/sub-processors";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { subProcessorListInput } from "@/lib/validation/evidence";

export const GET = apiRoute(OPERATIONS.getSubProcessors, async ({ caller, params }) => apiListSubProcessors(caller.ctx, params.productId!));

/** The whole list, as the screen saves it: what changed is kept as history and rescored. */
export const PUT = apiRoute(OPERATIONS.replaceSubProcessors, async ({ caller, params, body, parseBody }) => {
  const input = parseBody(subProcessorListInput, { ...body, productId: params.productId });
  await replaceSubProcessors(caller.ctx, input);
  return apiListSubProcessors(caller.ctx, input.productId);
});
