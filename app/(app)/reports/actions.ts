"use server";

import { revalidatePath } from "next/cache";
import { hashPassword } from "@/lib/auth/password";
import { serverEnv } from "@/lib/config/server-env";
import { createReport } from "@/lib/db/reports";
import { createShareLink, revokeShareLink } from "@/lib/db/share-links";
import { guardedAction } from "@/lib/http/guarded-action";
import { createReportInput, revokeShareInput, shareReportInput } from "@/lib/validation/reports";

export const createReportAction = guardedAction(createReportInput, "report:create", async (actor, input) => {
  const report = await createReport(actor, input.kind === "PRODUCT" ? { kind: "PRODUCT", productId: input.productId, useCaseId: input.useCaseId ?? null } : input, serverEnv.publicUrl());
  revalidatePath("/reports");
  return { id: report.id };
});

/** The URL is returned once: only the token's hash is stored. */
export const shareReportAction = guardedAction(shareReportInput, "report:share", async (actor, input) => {
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const link = await createShareLink(actor, { reportId: input.reportId, clientId: input.clientId, expiresAt, passcodeHash: input.passcode ? await hashPassword(input.passcode) : null });
  revalidatePath(`/reports/${input.reportId}`);
  return { id: link.id, url: `${serverEnv.publicUrl()}/share/${link.token}`, expiresAt: expiresAt.toISOString() };
});

export const revokeShareLinkAction = guardedAction(revokeShareInput, "report:share", async (actor, input) => {
  await revokeShareLink(actor, input.shareLinkId);
  revalidatePath("/reports", "layout");
});
