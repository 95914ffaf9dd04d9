import { z } from "zod";
import { recordId } from "./record-id";

/** One of the caller's notifications, or all of them ("all"). */
export const markNotificationsReadInput = z.object({ id: z.union([z.literal("all"), recordId]) });
