import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { formatBytes, formatDate, ValidityBadge } from "@/components/vendors/validity-badge";
import type { ProductWithEvidence } from "@/lib/db/products";
import { certificationBadges } from "@/lib/domain/scoring/counting-evidence";
import { clauseLabel, DPA_CLAUSES, enumLabel } from "@/lib/domain/vocabulary";

const CLAUSE_TONES = { PRESENT: "green", PARTIAL: "amber", MISSING: "red", NOT_APPLICABLE: "slate" } as const;

type Product = Omit<ProductWithEvidence, "vendor">;

function FileLink({ file }: { file: { id: string; originalName: string; sizeBytes: number } | null }) {
  if (!file) return <span className="text-slate-500">No document</span>;
  return (
    <a href={`/api/files/${file.id}`} className="text-brand-700 hover:underline" download>
      {file.originalName} <span className="text-xs text-slate-500">({formatBytes(file.sizeBytes)})</span>
    </a>
  );
}

export function ProductFacts({ product }: { product: Product }) {
  const retention =
    product.retentionKind === "DAYS" ? `${product.retentionDays} days` : product.retentionKind === "UNLIMITED" ? "Unlimited" : "Unknown";
  const tri = (v: boolean | null) => (v === null ? "Unknown" : v ? "Yes" : "No");
  const facts: Array<[string, string]> = [
    ["Tier", enumLabel(product.tier)],
    ["Deployment", enumLabel(product.deploymentModel)],
    ["Processing regions", product.processingRegions.length ? product.processingRegions.join(", ") : "Unknown"],
    ["Retention", retention],
    ["Zero retention available", product.zeroRetentionAvailable ? "Yes" : "No"],
    ["Training on customer data", enumLabel(product.trainingPolicy)],
    ["Encryption in transit", tri(product.encryptionInTransit)],
    ["Encryption at rest", tri(product.encryptionAtRest)],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {facts.map(([k, v]) => (
        <div key={k} className="flex justify-between gap-4 border-b border-slate-100 py-1">
          <dt className="text-slate-500">{k}</dt>
          <dd className="text-right font-medium text-slate-800">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DpaSection({ product, canEdit, today }: { product: Product; canEdit: boolean; today: string }) {
  return (
    <Card
      title="Data processing agreements"
      action={canEdit ? <Link className="text-sm text-brand-700 hover:underline" href={`/products/${product.id}/dpas/new`}>Add a DPA</Link> : null}
    >
      {product.dpas.length === 0 ? (
        <p className="text-sm text-slate-600">No DPA recorded. A product without a signed DPA is a critical red flag.</p>
      ) : (
        <div className="space-y-6">
          {product.dpas.map((dpa) => {
            const byClause = new Map(dpa.clauses.map((c) => [c.clause, c]));
            return (
              <section key={dpa.id} aria-label={dpa.title} data-testid={`dpa-${dpa.id}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-medium">
                    {dpa.title} {dpa.isCurrent ? <Badge tone="blue">Current</Badge> : <Badge>Superseded</Badge>}
                  </h3>
                  <div className="flex items-center gap-3 text-sm">
                    <ValidityBadge expiresAt={dpa.expiresAt} today={today} />
                    <Link className="text-brand-700 hover:underline" href={`/products/${product.id}/dpas/${dpa.id}`}>
                      Review<span className="sr-only"> {dpa.title}</span>
                    </Link>
                    {canEdit ? (
                      <Link className="text-brand-700 hover:underline" href={`/products/${product.id}/dpas/${dpa.id}/edit`}>
                        Edit
                      </Link>
                    ) : null}
                  </div>
                </div>
                <p className="mt-1 text-xs text-slate-600">
                  Signed {formatDate(dpa.signedAt)} · effective {formatDate(dpa.effectiveAt)} · expires {formatDate(dpa.expiresAt)} · breach notice{" "}
                  {dpa.breachNoticeHours === null ? "unstated" : `${dpa.breachNoticeHours} h`} · transfers {enumLabel(dpa.transferMechanism)} · <FileLink file={dpa.file} />
                </p>
                <table className="mt-3 w-full text-left text-sm">
                  <caption className="sr-only">Clause checklist of {dpa.title}</caption>
                  <thead className="text-xs uppercase text-slate-500">
                    <tr>
                      <th scope="col" className="py-1 pr-2">Clause</th>
                      <th scope="col" className="py-1 pr-2">Status</th>
                      <th scope="col" className="py-1">Evidence</th>
                    </tr>
                  </thead>
                  <tbody>
                    {DPA_CLAUSES.map((clause) => {
                      const check = byClause.get(clause);
                      const status = check?.status ?? "MISSING";
                      return (
                        <tr key={clause} className="border-t border-slate-100" data-testid={`clause-${clause}`}>
                          <td className="py-1 pr-2">{clauseLabel(clause)}</td>
                          <td className="py-1 pr-2">
                            <Badge tone={CLAUSE_TONES[status]}>{enumLabel(status)}</Badge>
                          </td>
                          <td className="py-1 text-slate-700">{check?.evidence ?? "—"}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            );
          })}
        </div>
      )}
    </Card>
  );
}

export function CertificationSection({ product, canEdit, today }: { product: Product; canEdit: boolean; today: string }) {
  // Only evidence that counts earns credit or raises EXPIRED_EVIDENCE; the list says which does not.
  const standing = certificationBadges(product.certifications);
  return (
    <Card
      title="Certifications"
      action={canEdit ? <Link className="text-sm text-brand-700 hover:underline" href={`/products/${product.id}/certifications/new`}>Add a certification</Link> : null}
    >
      {product.certifications.length === 0 ? (
        <p className="text-sm text-slate-600">No certifications recorded.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {product.certifications.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`certification-${c.type}`}>
              <div>
                <p className="font-medium">
                  {c.type === "OTHER" ? c.name : enumLabel(c.type)} {c.archivedAt ? <Badge>Archived</Badge> : null}
                  {standing.get(c.id) === "SUPERSEDED" ? (
                    <span title="A newer record of this type counts instead: this one earns nothing and raises nothing." data-testid="certification-superseded">
                      <Badge>Superseded</Badge>
                    </span>
                  ) : null}
                  {standing.get(c.id) === "UNVERIFIED" ? (
                    <span title="No report or certificate file attached: half credit, and it does not clear No independent audit." data-testid="certification-unverified">
                      <Badge tone="amber">Unverified: no report attached</Badge>
                    </span>
                  ) : null}
                </p>
                <p className="text-xs text-slate-600">
                  {c.issuer ? `Issued by ${c.issuer} · ` : ""}
                  {formatDate(c.issuedAt)} → {formatDate(c.expiresAt)}
                  {c.scope ? ` · scope: ${c.scope}` : ""} · <FileLink file={c.file} />
                </p>
              </div>
              <div className="flex items-center gap-3">
                {standing.get(c.id) === "SUPERSEDED" ? null : <ValidityBadge expiresAt={c.expiresAt} today={today} />}
                {canEdit ? (
                  <Link className="text-brand-700 hover:underline" href={`/products/${product.id}/certifications/${c.id}/edit`}>
                    Edit
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

type Entry = { name: string; country?: string | null };
const names = (json: unknown) => (Array.isArray(json) ? (json as Entry[]).map((e) => e.name) : []);
const changedNames = (json: unknown) => (Array.isArray(json) ? (json as Array<{ after: Entry }>).map((e) => e.after.name) : []);

export function SubProcessorSection({ product, canEdit }: { product: Product; canEdit: boolean }) {
  return (
    <Card
      title="Sub-processors"
      action={canEdit ? <Link className="text-sm text-brand-700 hover:underline" href={`/products/${product.id}/sub-processors`}>Edit list</Link> : null}
    >
      {product.subProcessors.length === 0 ? (
        <p className="text-sm text-slate-600">No sub-processors recorded.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Sub-processors of {product.name}</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">Name</th>
              <th scope="col" className="py-1">Purpose</th>
              <th scope="col" className="py-1">Country</th>
              <th scope="col" className="py-1">Region</th>
            </tr>
          </thead>
          <tbody>
            {product.subProcessors.map((s) => (
              <tr key={s.id} className="border-t border-slate-100">
                <td className="py-1">{s.name}</td>
                <td className="py-1">{s.purpose ?? "—"}</td>
                <td className="py-1">{s.country ?? "—"}</td>
                <td className="py-1">{s.region ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {product.subProcessorChanges.length > 0 ? (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer text-slate-700">History of changes ({product.subProcessorChanges.length})</summary>
          <ol className="mt-2 space-y-2">
            {product.subProcessorChanges.map((change) => (
              <li key={change.id} data-testid="subprocessor-change">
                <time className="text-xs text-slate-500" dateTime={change.changedAt.toISOString()}>
                  {change.changedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                </time>
                <ul className="ml-4">
                  {names(change.added).map((n) => (
                    <li key={`+${n}`} className="text-green-700">
                      + {n}
                    </li>
                  ))}
                  {names(change.removed).map((n) => (
                    <li key={`-${n}`} className="text-red-700">
                      − {n}
                    </li>
                  ))}
                  {changedNames(change.changed).map((n) => (
                    <li key={`~${n}`} className="text-amber-700">
                      ~ {n} (details changed)
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </Card>
  );
}

export function FactSources({ product }: { product: Product }) {
  if (product.factSources.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700">Sources ({product.factSources.length})</summary>
      <ul className="mt-2 space-y-1">
        {product.factSources.map((s) => (
          <li key={s.id}>
            <span className="text-slate-500">{s.field}:</span>{" "}
            <a href={s.url} className="break-all text-brand-700 hover:underline" rel="noreferrer noopener" target="_blank">
              {s.url}
            </a>{" "}
            <span className="text-xs text-slate-500">as published on {formatDate(s.asPublishedOn)}</span>
            {s.note ? <span className="block text-xs text-slate-600">{s.note}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
