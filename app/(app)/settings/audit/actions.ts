"use server";

import { sealOrganization, verifyAuditChains } from "@/lib/db/audit";
import { guardedAction } from "@/lib/http/guarded-action";
import { verifyAuditTrailInput, type AuditVerification } from "@/lib/validation/audit";

/** Seals what the worker has not reached yet, then checks this organisation's chain and anchors. */
export const verifyAuditTrailAction = guardedAction(verifyAuditTrailInput, "organization:manage", async (actor): Promise<AuditVerification> => {
  await sealOrganization(actor.organizationId);
  const { organizations, anchorFile } = await verifyAuditChains({ organizationId: actor.organizationId });
  const report = organizations[0]!;
  const problem = report.broken
    ? `Chain link #${report.broken.seq}${report.broken.eventId ? ` (event ${report.broken.eventId})` : ""}: ${report.broken.reason}.`
    : anchorFile.invalid.length > 0
      ? `The anchor file has ${anchorFile.invalid.length} line(s) that fail their signature (first: line ${anchorFile.invalid[0]!.line}).`
      : null;
  return { checkedAt: new Date().toISOString(), intact: problem === null, events: report.events, sealed: report.sealed, pending: report.pending, problem };
});
