import { notFound } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { navFor } from "@/components/shell/nav";
import { signOutEverywhereAction } from "@/app/actions";
import { requireActor } from "@/lib/auth/session";

/** The MSP's screens. A client viewer has none: for them these pages do not exist. */
export default async function MspLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (actor.role === "CLIENT_VIEWER") notFound();
  return (
    <AppShell user={actor} nav={navFor(actor.role)} signOutEverywhere={signOutEverywhereAction}>
      {children}
    </AppShell>
  );
}
