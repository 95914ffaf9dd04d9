import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { buildOpenApiDocument } from "@/lib/http/api-v1/openapi";

export const metadata: Metadata = { title: "API reference" };

type Schema = { type?: string | string[]; enum?: unknown[]; anyOf?: Schema[]; items?: Schema; $ref?: string; properties?: Record<string, Schema>; required?: string[]; description?: string; format?: string; const?: unknown };
type Components = Record<string, Schema>;

/** A one-line description of a JSON Schema: "string (EU | US)", "array of Vendor", "integer or null". */
function typeOf(s: Schema | undefined, components: Components): string {
  if (!s) return "any";
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.enum) return s.enum.map(String).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf) return [...new Set(s.anyOf.map((x) => typeOf(x, components)))].join(" or ");
  if (s.type === "array") return `array of ${typeOf(s.items, components)}`;
  if (Array.isArray(s.type)) return s.type.join(" or ");
  return s.format ? `${s.type} (${s.format})` : (s.type ?? "any");
}

function Fields({ schema, components }: { schema: Schema; components: Components }) {
  const resolved = schema.$ref ? components[schema.$ref.split("/").pop()!] ?? schema : schema;
  const props = Object.entries(resolved.properties ?? {});
  if (props.length === 0) return <p className="text-sm">{typeOf(schema, components)}</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,max-content)_1fr]">
      {props.map(([name, p]) => (
        <div key={name} className="contents">
          <dt className="font-mono text-xs">
            {name}
            {resolved.required?.includes(name) ? <span className="text-red-700"> *</span> : null}
          </dt>
          <dd className="text-slate-700">
            {typeOf(p, components)}
            {p.description ? <span className="text-slate-600"> — {p.description}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The OpenAPI document of /api/v1, readable: generated from the same schemas the API checks. */
export default async function ApiReferencePage() {
  await requirePermission("vendor:read");
  const doc = buildOpenApiDocument();
  const components = doc.components.schemas as Components;
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops as Record<string, { operationId: string; summary: string; "x-vetta-scope": string; parameters?: Array<{ name: string; in: string; schema: Schema; description?: string }>; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Version 1, at <code>/api/v1</code>. Send <code>Authorization: Bearer vetta_…</code> with a token an admin made under Settings → API tokens. Lists take <code>limit</code> (1–100) and{" "}
            <code>cursor</code> (the previous page&apos;s <code>nextCursor</code>); reads carry an <code>ETag</code> (send <code>If-None-Match</code> for a 304); errors are{" "}
            <code>{"{ error: { code, message, fields } }"}</code>. The machine-readable document is <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </>
        }
      />
      <nav aria-label="Operations" className="mb-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          {operations.map(({ op, method, path }) => (
            <li key={op.operationId}>
              <a className="underline" href={`#${op.operationId}`}>
                {method} {path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-6">
        {operations.map(({ path, method, op }) => {
          const ok = Object.entries(op.responses).find(([code]) => code.startsWith("2"));
          const body = op.requestBody?.content["application/json"]?.schema;
          return (
            <Card key={op.operationId} title={<span id={op.operationId} className="font-mono text-base">{method} /api/v1{path}</span>}>
              <p className="text-sm">
                {op.summary}. Scope: <code>{op["x-vetta-scope"]}</code>.
              </p>
              {op.parameters?.length ? (
                <section className="mt-3">
                  <h3 className="text-sm font-semibold">Parameters</h3>
                  <ul className="mt-1 space-y-1 text-sm">
                    {op.parameters.map((p) => (
                      <li key={`${p.in}-${p.name}`}>
                        <code>{p.name}</code> ({p.in}): {typeOf(p.schema, components)}
                        {p.description ? <span className="text-slate-600"> — {p.description}</span> : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {body ? (
                <section className="mt-3">
                  <h3 className="text-sm font-semibold">Body{method === "PATCH" ? " (any of these fields; the rest keep their values)" : " (* required)"}</h3>
                  <Fields schema={body} components={components} />
                </section>
              ) : null}
              {ok?.[1].content ? (
                <section className="mt-3">
                  <h3 className="text-sm font-semibold">Answer {ok[0]}</h3>
                  {ok[1].content["application/json"] ? (
                    <Fields schema={ok[1].content["application/json"].schema} components={components} />
                  ) : (
                    <p className="text-sm">A file: {Object.keys(ok[1].content).join(", ")}</p>
                  )}
                </section>
              ) : null}
            </Card>
          );
        })}
      </div>
    </>
  );
}
