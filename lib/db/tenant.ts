import "server-only";
import { calendarDateOf } from "@/lib/domain/dates/calendar-date";
import type { Role } from "@/lib/domain/vocabulary";

/**
 * SECURITY-CRITICAL. Who is asking, as established from the verified session (lib/auth/session),
 * never from the URL or the body. Every lib/db function takes it first and scopes through
 * `inTenant`, so a record is never fetched by id alone.
 */
export interface TenantContext {
  organizationId: string;
  userId: string;
  role: Role;
  /** Set for CLIENT_VIEWER: the client whose shared reports they may see. */
  clientId: string | null;
  /** Label recorded in the audit trail (the user's email). */
  actorLabel: string;
  ip: string | null;
  /** The organisation's IANA time zone, which decides what "today" is (UTC when not given). */
  timeZone?: string;
}

/** Adds the caller's organisation to a where clause. The caller's own organizationId wins. */
export function inTenant<W extends object>(ctx: TenantContext, where?: W): W & { organizationId: string } {
  return { ...(where ?? ({} as W)), organizationId: ctx.organizationId };
}

/**
 * The tenant filter alone, to spread LAST into a where clause whose literal types matter:
 * `{ status: "SUBMITTED", ...tenant(ctx) }` (last, so nothing before it can override it).
 */
export function tenant(ctx: TenantContext): { organizationId: string } {
  return { organizationId: ctx.organizationId };
}

/** Today, as a calendar date, in the organisation's time zone. */
export function todayFor(ctx: Pick<TenantContext, "timeZone">, now = new Date()): string {
  return calendarDateOf(now, ctx.timeZone ?? "UTC");
}
