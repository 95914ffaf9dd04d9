import { apiGetCertification, apiListCertifications } from "@/lib/db/api-v1";
import { createCertification } from "@/lib/db/certifications";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { certificationBody } from "@/lib/http/api-v1/serialize";
import type { CertificationListQuery } from "@/lib/validation/api-v1/queries";
import { certificationInput } from "@/lib/validation/evidence";

export const GET = apiRoute(OPERATIONS.listCertifications, async ({ caller, query }) => {
  const page = await apiListCertifications(caller.ctx, query as CertificationListQuery);
  return { data: page.data.map(certificationBody), nextCursor: page.nextCursor };
});

export const POST = apiRoute(OPERATIONS.createCertification, async ({ caller, body, parseBody }) => {
  const created = await createCertification(caller.ctx, parseBody(certificationInput, body));
  return certificationBody(await apiGetCertification(caller.ctx, created.id));
});
