import { z } from "zod";

/** "Verify now" takes nothing: the organisation comes from the session. */
export const verifyAuditTrailInput = z.object({}).strict();

/** What "verify now" answers. */
export interface AuditVerification {
  checkedAt: string;
  intact: boolean;
  events: number;
  sealed: number;
  pending: number;
  /** The first break, in words, with the chain link it is at. */
  problem: string | null;
}
