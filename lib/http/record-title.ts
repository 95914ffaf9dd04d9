import "server-only";
import type { Metadata } from "next";
import { can, type Action } from "@/lib/auth/permissions";
import { getActor, type Actor } from "@/lib/auth/session";

/**
 * For a record page's generateMetadata: "<name> · <section>" (the root layout adds " · Vetta"),
 * so tabs and history name the record. The name is read only for a caller the page itself would
 * serve (same permission, two-step set up); anyone else, and an unknown id, get the plain
 * fallback, so a title never reveals what the 404 hides.
 */
export async function recordTitle(
  permission: Action,
  name: (actor: Actor) => Promise<string | null>,
  title: (name: string) => string,
  fallback: string,
): Promise<Metadata> {
  const actor = await getActor();
  if (!actor || !can(actor.role, permission) || actor.mfaSetupRequired) return { title: fallback };
  const found = await name(actor).catch(() => null);
  return { title: found ? title(found) : fallback };
}
