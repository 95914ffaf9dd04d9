import { can, type Action } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/vocabulary";

export interface NavItem {
  href: string;
  label: string;
  permission: Action;
}

/** The MSP's navigation; each entry shows only to roles the server would let in. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "dashboard:view" },
  { href: "/vendors", label: "Vendors", permission: "vendor:read" },
  { href: "/products", label: "Products", permission: "vendor:read" },
  { href: "/clients", label: "Clients", permission: "client:read" },
  { href: "/approvals", label: "Approvals", permission: "client:read" },
  { href: "/reviews", label: "Reviews", permission: "assessment:decide" },
  { href: "/renewals", label: "Renewals", permission: "renewal:read" },
  { href: "/reports", label: "Reports", permission: "report:create" },
  { href: "/settings/questionnaires", label: "Questionnaires", permission: "template:manage" },
  { href: "/settings/scoring", label: "Scoring", permission: "scoring:manage" },
  { href: "/settings/users", label: "Users", permission: "user:manage" },
  { href: "/settings/organization", label: "Organisation", permission: "organization:manage" },
  { href: "/settings/outbox", label: "Outbox", permission: "outbox:read" },
  { href: "/settings/audit", label: "Audit trail", permission: "organization:manage" },
  { href: "/settings/api-tokens", label: "API tokens", permission: "organization:manage" },
  { href: "/settings/webhooks", label: "Webhooks", permission: "organization:manage" },
  { href: "/settings/sso", label: "Single sign-on", permission: "organization:manage" },
  { href: "/account/security", label: "Account security", permission: "account:self" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
