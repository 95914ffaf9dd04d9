import { notFound } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { navFor } from "@/components/shell/nav";
import { NotificationBell } from "@/components/shell/notification-bell";
import { markNotificationsReadAction, signOutEverywhereAction } from "@/app/actions";
import { notificationsForBell } from "@/lib/db/notifications";
import { requireActor, SECURITY_PAGE } from "@/lib/auth/session";

/** The MSP's screens. A client viewer has none: for them these pages do not exist. */
export default async function MspLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (actor.role === "CLIENT_VIEWER") notFound();
  // Until two-step verification is set up, the security page is all there is.
  if (actor.mfaSetupRequired) {
    return (
      <AppShell user={actor} nav={[{ href: SECURITY_PAGE, label: "Account security" }]} signOutEverywhere={signOutEverywhereAction}>
        {children}
      </AppShell>
    );
  }
  const { items, unread } = await notificationsForBell(actor, 15);
  const initial = { unread, items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) };
  return (
    <AppShell user={actor} nav={navFor(actor.role)} signOutEverywhere={signOutEverywhereAction} bell={<NotificationBell initial={initial} markRead={markNotificationsReadAction} />}>
      {children}
    </AppShell>
  );
}
