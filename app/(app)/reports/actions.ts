"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { hashPassword } from "@/lib/auth/password";
import { serverEnv } from "@/lib/config/server-env";
import { createReport } from "@/lib/db/reports";
import { createShareLink, revokeShareLink } from "@/lib/db/share-links";
import { createReportInput, revokeShareInput, shareReportInput } from "@/lib/validation/reports";

const create = guardedAction("report:create", createReportInput, async (actor, input) => {
  const report = await createReport(actor, input.kind === "PRODUCT" ? { kind: "PRODUCT", productId: input.productId, useCaseId: input.useCaseId ?? null } : input, serverEnv.publicUrl());
  revalidatePath("/reports");
  return { id: report.id };
});

/** The URL is returned once: only the token's hash is stored. */
const share = guardedAction("report:share", shareReportInput, async (actor, input) => {
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const link = await createShareLink(actor, { reportId: input.reportId, clientId: input.clientId, expiresAt, passcodeHash: input.passcode ? await hashPassword(input.passcode) : null });
  revalidatePath(`/reports/${input.reportId}`);
  return { id: link.id, url: `${serverEnv.publicUrl()}/share/${link.token}`, expiresAt: expiresAt.toISOString() };
});

const revoke = guardedAction("report:share", revokeShareInput, async (actor, input) => {
  await revokeShareLink(actor, input.shareLinkId);
  revalidatePath("/reports", "layout");
});

export async function createReportAction(raw: unknown) {
  return create(raw);
}
export async function shareReportAction(raw: unknown) {
  return share(raw);
}
export async function revokeShareLinkAction(raw: unknown) {
  return revoke(raw);
}
