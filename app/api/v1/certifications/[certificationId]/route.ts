import { apiGetCertification } from "@/lib/db/api-v1";
import { setCertificationArchived, updateCertification } from "@/lib/db/certifications";
import { apiRoute } from "@/lib/http/api-v1/api-route";
import { OPERATIONS } from "@/lib/http/api-v1/operations";
import { certificationAsInput, certificationBody } from "@/lib/http/api-v1/serialize";
import { archivedFlag } from "@/lib/validation/api-v1/queries";
import { certificationInput } from "@/lib/validation/evidence";

export const GET = apiRoute(OPERATIONS.getCertification, async ({ caller, params }) => certificationBody(await apiGetCertification(caller.ctx, params.certificationId!)));

/** Fields left out keep their values; the merged certification passes the form's own schema. */
export const PATCH = apiRoute(OPERATIONS.updateCertification, async ({ caller, params, body, parseBody }) => {
  const current = await apiGetCertification(caller.ctx, params.certificationId!);
  const { archived } = parseBody(archivedFlag, body);
  const { archived: _ignored, productId: _fixed, ...fields } = body;
  if (Object.keys(fields).length > 0) await updateCertification(caller.ctx, current.id, parseBody(certificationInput, { ...certificationAsInput(current), ...fields }));
  if (archived !== undefined && archived !== (current.archivedAt !== null)) await setCertificationArchived(caller.ctx, current.id, archived);
  return certificationBody(await apiGetCertification(caller.ctx, current.id));
});
