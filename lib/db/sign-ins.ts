import "server-only";
import { recordAudit } from "./audit";
import { prisma } from "./prisma-client";

type Who = { userId: string; email: string; organizationId: string; ip: string };

/** A successful sign-in: last-sign-in time and the audit event, together. */
export async function recordSignIn(who: Who) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: who.userId }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { organizationId: who.organizationId, userId: who.userId, actorLabel: who.email, ip: who.ip }, { action: "user.sign-in", entityType: "User", entityId: who.userId });
  });
}

/** A recovery code was spent instead of the authenticator app: worth a line in the audit trail. */
export async function recordRecoveryCodeUsed(who: Who) {
  await prisma.$transaction((tx) =>
    recordAudit(tx, { organizationId: who.organizationId, userId: who.userId, actorLabel: who.email, ip: who.ip }, { action: "user.mfa.recovery-code-used", entityType: "User", entityId: who.userId }),
  );
}
