import "server-only";
import { prisma } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

/** The caller's latest notifications and how many are unread: what the bell shows. */
export async function notificationsForBell(ctx: TenantContext, take = 10) {
  const mine = inTenant(ctx, { userId: ctx.userId });
  const [items, unread] = await Promise.all([
    prisma.notification.findMany({ where: mine, orderBy: { createdAt: "desc" }, take, select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true } }),
    prisma.notification.count({ where: { ...mine, readAt: null } }),
  ]);
  return { items, unread };
}

/** Marks one of the caller's own notifications read (or all of them); another user's id does nothing. */
export async function markNotificationsRead(ctx: TenantContext, id: string | "all") {
  const where = inTenant(ctx, { userId: ctx.userId, readAt: null, ...(id === "all" ? {} : { id }) });
  const { count } = await prisma.notification.updateMany({ where, data: { readAt: new Date() } });
  return count;
}
