"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { sealOrganization, verifyAuditChains } from "@/lib/db/audit";
import { verifyAuditTrailInput } from "@/lib/validation/audit";

export interface AuditVerification {
  checkedAt: string;
  intact: boolean;
  events: number;
  sealed: number;
  pending: number;
  /** The first break, in words, with the chain link it is at. */
  problem: string | null;
}

/** Seals what the worker has not reached yet, then checks this organisation's chain and anchors. */
const verify = guardedAction("organization:manage", verifyAuditTrailInput, async (actor): Promise<AuditVerification> => {
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

export async function verifyAuditTrailAction(raw: unknown) {
  return verify(raw);
}
