import { NextResponse } from "next/server";
import { getVersionDefinition } from "@/lib/db/questionnaires";
import { guardedRoute } from "@/lib/http/route";

/** A template version as JSON: the same format the importer reads, so the round trip is lossless. */
export const GET = guardedRoute("template:manage", async (_req, actor, ctx: { params: Promise<{ versionId: string }> }) => {
  const { versionId } = await ctx.params;
  const { definition, version } = await getVersionDefinition(actor, versionId);
  const name = definition.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "template";
  return new NextResponse(JSON.stringify({ format: "vetta.questionnaire/1", ...definition }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-v${version}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
