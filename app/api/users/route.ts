import { NextResponse } from "next/server";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { toCsv } from "@/lib/domain/csv";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { guardedRoute } from "@/lib/http/route";
import { listMembers } from "@/lib/db/users";

const ACCESS_REVIEW_COLUMNS = ["Name", "Email", "Role", "Client", "Status", "Two-step verification", "Last sign-in (UTC)", "Member since (UTC)", "Can see and do"] as const;

/**
 * The organisation's users and roles: the quarterly access review. JSON by default; `?format=csv`
 * downloads it with, for each person, exactly what their role may see and do. ADMIN only.
 */
export const GET = guardedRoute("user:manage", async (req, actor) => {
  const members = await listMembers(actor);
  if (new URL(req.url).searchParams.get("format") !== "csv") {
    return NextResponse.json({ users: members }, { headers: { "Cache-Control": "no-store" } });
  }
  const stamp = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "");
  const rows: Array<Array<string | null>> = [[...ACCESS_REVIEW_COLUMNS]];
  for (const m of members) {
    const scope = m.role === "CLIENT_VIEWER" ? `reports shared with ${m.client?.name ?? "their client"}` : [...PERMISSIONS[m.role]].join(" ");
    rows.push([m.name, m.email, ROLE_LABELS[m.role], m.client?.name ?? "", m.active ? "active" : "deactivated", m.mfaEnabled ? "on" : "off", stamp(m.lastSignInAt), stamp(m.createdAt), scope]);
  }
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="vetta-access-review-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
