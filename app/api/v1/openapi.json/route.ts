import { buildOpenApiDocument } from "@/lib/http/api-v1/openapi";

/** The API's description, public like any API reference: it holds no data, only shapes. */
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
