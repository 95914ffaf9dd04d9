import { z } from "zod";
import { CLAUSE_STATUSES } from "@/lib/domain/vocabulary";
import { recordIdOf } from "./record-id";

/** Start (or join) an analysis of a DPA's document. */
export const requestDpaAnalysisInput = z.object({ dpaId: recordIdOf("DPA") });

/** A person's decision on one proposal; a change brings its own status and evidence. */
export const decideProposalInput = z.discriminatedUnion(
  "decision",
  [
    z.object({ proposalId: recordIdOf("proposal"), decision: z.literal("ACCEPTED") }),
    z.object({ proposalId: recordIdOf("proposal"), decision: z.literal("REJECTED") }),
    z
      .object({
        proposalId: recordIdOf("proposal"),
        decision: z.literal("CHANGED"),
        status: z.enum(CLAUSE_STATUSES, { message: "Choose a status." }),
        evidence: z
          .string()
          .trim()
          .max(2000, "Use at most 2,000 characters.")
          .optional()
          .nullable()
          .transform((v) => (v ? v : null)),
      })
      .superRefine((value, ctx) => {
        if ((value.status === "PRESENT" || value.status === "PARTIAL") && !value.evidence) {
          ctx.addIssue({ code: "custom", path: ["evidence"], message: "Cite the section or quote the clause." });
        }
      }),
  ],
  { error: "Choose accept, change or reject." },
);

export const acceptAllProposalsInput = z.object({ analysisId: recordIdOf("analysis") });

export const APPLICABLE_FACTS = ["breachNoticeHours", "transferMechanism", "processingRegions"] as const;
export const applyDpaFactInput = z.object({ analysisId: recordIdOf("analysis"), fact: z.enum(APPLICABLE_FACTS, { message: "Choose a fact to apply." }) });
