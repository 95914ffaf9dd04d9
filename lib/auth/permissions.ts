/**
 * SECURITY-CRITICAL. The one permission table: role → what it may do. Every page, server action
 * and route handler asks `can(role, action)` on the server; navigation uses the same table so the
 * menu never offers what the server would refuse.
 */
import type { Role } from "@/lib/domain/vocabulary";

export const ACTIONS = [
  "dashboard:view",
  "vendor:read",
  "vendor:write",
  "evidence:upload",
  "assessment:read",
  "assessment:fill",
  "assessment:decide",
  "exception:grant",
  "condition:record",
  // Recording why both sides of a contradiction stand (account managers gather, officers review).
  "contradiction:acknowledge",
  "client:read",
  "client:write",
  "usecase:write",
  "renewal:read",
  "report:create",
  "report:share",
  "template:manage",
  "scoring:manage",
  "user:manage",
  "organization:manage",
  "audit:read",
  "outbox:read",
  "reminder:run",
  "portal:view",
  "account:self",
] as const;
export type Action = (typeof ACTIONS)[number];

const MSP_READ: Action[] = ["account:self", "dashboard:view", "vendor:read", "assessment:read", "client:read", "renewal:read", "audit:read"];

export const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  ADMIN: new Set<Action>([
    ...MSP_READ,
    "vendor:write",
    "evidence:upload",
    "client:write",
    "usecase:write",
    "report:create",
    "template:manage",
    "scoring:manage",
    "user:manage",
    "organization:manage",
    "outbox:read",
    "reminder:run",
  ]),
  ACCOUNT_MANAGER: new Set<Action>([
    ...MSP_READ,
    "vendor:write",
    "evidence:upload",
    "assessment:fill",
    "client:write",
    "usecase:write",
    "report:create",
    "report:share",
    "condition:record",
    "contradiction:acknowledge",
  ]),
  COMPLIANCE_OFFICER: new Set<Action>([...MSP_READ, "assessment:decide", "exception:grant", "condition:record", "contradiction:acknowledge", "report:create"]),
  // A client viewer sees the reports shared with their own client, and nothing else exists for them.
  CLIENT_VIEWER: new Set<Action>(["account:self", "portal:view"]),
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].has(action);
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  return role === "CLIENT_VIEWER" ? "/portal" : "/dashboard";
}
