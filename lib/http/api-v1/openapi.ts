import { z } from "zod";
import { API_RATE_LIMIT } from "@/lib/domain/api/scopes";
import { apiErrorBody } from "@/lib/validation/api-v1/resources";
import { OPERATIONS, type ApiOperation } from "./operations";

type JsonSchema = Record<string, unknown>;

/**
 * OpenAPI 3.1 for /api/v1, generated from the operations' zod schemas (z.toJSONSchema speaks the
 * same JSON Schema 2020-12 as OpenAPI 3.1). Requests are described as they are accepted (zod's
 * input side) and responses as they are sent (the output side). Schemas with a meta id become
 * shared components.
 */
export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const json = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any", reused: "inline" }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    return lift(json, components);
  };
  const errorSchema = toSchema(apiErrorBody, "output");
  const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of Object.values(OPERATIONS) as ApiOperation[]) {
    const parameters: unknown[] = [];
    for (const [name, schema] of Object.entries(op.params?.shape ?? {})) parameters.push({ name, in: "path", required: true, schema: toSchema(schema as z.ZodType, "input") });
    for (const [name, schema] of Object.entries(op.query?.shape ?? {})) {
      const s = toSchema(schema as z.ZodType, "input");
      parameters.push({ name, in: "query", required: false, schema: s, ...(typeof s.description === "string" ? { description: s.description } : {}) });
    }
    let requestBody: unknown;
    if (op.body) {
      const schema = toSchema(op.body, "input");
      if (op.partialBody) delete schema.required;
      requestBody = { required: true, content: { "application/json": { schema } } };
    }
    const responses: Record<string, unknown> = {
      [String(op.status)]: op.binary
        ? { description: "The file", content: { [op.binary]: { schema: { type: "string", contentMediaType: op.binary } } } }
        : { description: op.status === 201 ? "Created" : "OK", content: { "application/json": { schema: toSchema(op.response, "output") } } },
      "400": errorResponse("The query or body is invalid; error.fields names each field"),
      "401": errorResponse("No token, or an unknown, revoked or expired one"),
      "403": errorResponse("The token lacks the scope"),
      "404": errorResponse("No such record in the token's organisation"),
      "429": errorResponse(`More than ${API_RATE_LIMIT.requests} requests in ${API_RATE_LIMIT.windowMs / 1000} s; see Retry-After`),
      "503": errorResponse("The database is unavailable; see Retry-After"),
    };
    if (op.method === "GET" && !op.binary) responses["304"] = { description: "Not modified (If-None-Match matched the ETag)" };
    if (op.method !== "GET") responses["409"] = errorResponse("A unique value is already in use; error.fields names it");
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      security: [{ bearer: [op.scope] }],
      "x-vetta-scope": op.scope,
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Vetta API",
      version: "1",
      description:
        "The REST API of Vetta. Authenticate with an API token (Settings → API tokens) as `Authorization: Bearer vetta_…`. Lists are paged by cursor; reads carry ETags; errors are `{ error: { code, message, fields } }`.",
    },
    servers: [{ url: serverUrl }],
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token; its scopes decide what it may read and write" } } },
    paths,
  };
}

/** Moves the named definitions zod emitted into components.schemas and points $refs there. */
function lift(json: JsonSchema & { $defs?: Record<string, JsonSchema> }, components: Record<string, JsonSchema>): JsonSchema {
  const defs = json.$defs ?? {};
  delete json.$defs;
  delete json.$schema;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewrite(v);
      return out;
    }
    return node;
  };
  for (const [name, def] of Object.entries(defs)) components[name] ??= rewrite(def) as JsonSchema;
  return rewrite(json) as JsonSchema;
}
