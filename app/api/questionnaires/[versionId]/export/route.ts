import { NextResponse } from "next/server";
import { getVersionDefinition } from "@/lib/db/questionnaires";
import { guardedRoute } from "@/lib/http/route";
import { templateToXlsx } from "@/lib/spreadsheets/template-xlsx";

/** A template version as JSON (default) or XLSX (?format=xlsx): the formats the importer reads, so the round trip is lossless. */
export const GET = guardedRoute("template:manage", async (req, actor, ctx: { params: Promise<{ versionId: string }> }) => {
  const { versionId } = await ctx.params;
  const { definition, version } = await getVersionDefinition(actor, versionId);
  const name = definition.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "template";
  if (new URL(req.url).searchParams.get("format") === "xlsx") {
    return new NextResponse(new Uint8Array(await templateToXlsx(definition)), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}-v${version}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return new NextResponse(JSON.stringify({ format: "vetta.questionnaire/1", ...definition }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-v${version}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
