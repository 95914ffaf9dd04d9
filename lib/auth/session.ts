import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { serverEnv } from "@/lib/config/server-env";
import { touchUserSession } from "@/lib/db/sessions";
import { loadSessionMember } from "@/lib/db/users";
import type { TenantContext } from "@/lib/db/tenant";
import type { Role } from "@/lib/domain/vocabulary";
import { authOptions } from "./options";
import { clientIpFrom } from "./client-ip";
import { can, type Action } from "./permissions";

export interface Actor extends TenantContext {
  email: string;
  name: string;
  organizationName: string;
  /** Until set up, such a user may only reach their security page (and sign out). */
  mfaSetupRequired: boolean;
  /** The server-side session this request came with (kept when its owner changes the password). */
  sessionId: string;
}

/** Where someone who must set up two-step verification is sent. */
export const SECURITY_PAGE = "/account/security";

type SessionClaims = { uid?: string; org?: string; sv?: number; sid?: string };

/**
 * SECURITY-CRITICAL. The signed-in person for this request, re-read from the database every time
 * (once per request, thanks to cache): null when signed out, deactivated, when the session's
 * version was revoked, or when its server-side row (lib/db/sessions) is revoked, expired or idle. The tenant comes from here and nowhere else.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as SessionClaims | null;
  if (!session?.uid || !session.org || typeof session.sv !== "number" || typeof session.sid !== "string") return null;
  // The server-side session first: signed out, revoked, past its absolute lifetime or idle too long ends it here.
  if (!(await touchUserSession(session.sid, session.uid, serverEnv.sessionIdleSeconds()))) return null;
  const member = await loadSessionMember(session.uid, session.org, session.sv);
  if (!member) return null;
  const ip = clientIpFrom(await headers());
  return {
    organizationId: member.organizationId,
    organizationName: member.organizationName,
    userId: member.userId,
    email: member.email,
    name: member.name,
    role: member.role as Role,
    clientId: member.clientId,
    actorLabel: member.email,
    ip,
    mfaSetupRequired: member.mfaSetupRequired,
    timeZone: member.timeZone,
    sessionId: session.sid,
  };
});

/** For pages: the actor, or off to sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/**
 * For pages: the actor holding `action`. Anyone else gets a 404, not a 403: a page a role may not
 * use does not exist for it (a client viewer never learns what MSP pages there are).
 */
export async function requirePermission(action: Action): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, action)) notFound();
  if (actor.mfaSetupRequired && action !== "account:self") redirect(SECURITY_PAGE);
  return actor;
}
