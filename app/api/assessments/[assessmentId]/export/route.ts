import { getAssessment } from "@/lib/db/assessments";
import { guardedRoute } from "@/lib/http/route";
import { assessmentToCsv, assessmentToXlsx } from "@/lib/spreadsheets/assessment-export";

/** A filled assessment as XLSX (default) or CSV (?format=csv). */
export const GET = guardedRoute("assessment:read", async (req, actor, ctx: { params: Promise<{ assessmentId: string }> }) => {
  const { assessmentId } = await ctx.params;
  const { assessment, version, answers } = await getAssessment(actor, assessmentId);
  const data = { title: `${assessment.product.vendor.name} — ${assessment.product.name}`, definition: version.definition, answers };
  const base = `assessment-${assessment.product.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${assessment.createdAt.toISOString().slice(0, 10)}`;
  const csv = new URL(req.url).searchParams.get("format") === "csv";
  const body = csv ? assessmentToCsv(data) : new Uint8Array(await assessmentToXlsx(data));
  return new Response(body, {
    headers: {
      "Content-Type": csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${base}.${csv ? "csv" : "xlsx"}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
