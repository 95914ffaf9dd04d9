import { z } from "zod";

/** "Verify now" takes nothing: the organisation comes from the session. */
export const verifyAuditTrailInput = z.object({}).strict();
