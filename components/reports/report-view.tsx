import type { ReactNode } from "react";
import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Methodology, PortfolioReportData, ProductReportData, ReportSnapshot } from "@/lib/pdf/report-data";

/**
 * The web view of a report: the same sections, in the same order, from the same snapshot as the
 * PDF. Used by the MSP's report page, the share link and the client portal.
 */
export function ReportView({ snapshot, contentSha256 }: { snapshot: ReportSnapshot; contentSha256: string }) {
  const { meta, data } = snapshot;
  return (
    <article className="flex flex-col gap-6" aria-label="Report">
      <header className="rounded-lg border border-slate-200 bg-white p-5">
        {meta.logo ? (
          // The logo frozen into the report (a data URL: the report's own bytes, nothing fetched).
          // eslint-disable-next-line @next/next/no-img-element
          <img src={`data:${meta.logo.mime};base64,${meta.logo.base64}`} alt={`${meta.organizationName} logo`} className="mb-3 h-10 w-auto" data-testid="report-logo" />
        ) : null}
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{data.kind === "PRODUCT" ? "AI vendor risk report" : "Client AI portfolio report"}</p>
        <h2 className="mt-1 text-xl font-semibold text-slate-900">
          {data.kind === "PRODUCT" ? `${data.vendor.name} — ${data.product.name}` : data.client.name}
        </h2>
        {data.kind === "PRODUCT" && data.useCase ? (
          <p className="text-sm text-slate-700">
            For {data.useCase.clientName}: {data.useCase.purpose}
          </p>
        ) : null}
        {data.audience ? (
          <p className="mt-2 text-sm font-medium text-slate-800" data-testid="report-audience">
            {data.audience.note}
          </p>
        ) : null}
        {data.confidentiality ? <p className="mt-1 text-xs font-medium text-slate-600">{data.confidentiality}</p> : null}
        <p className="mt-2 text-xs text-slate-500">
          {meta.organizationName} · generated {meta.generatedAt.slice(0, 16).replace("T", " ")} UTC by {meta.generatedBy} · report {meta.reportId}
        </p>
      </header>
      {data.kind === "PRODUCT" ? <ProductSections data={data} /> : <PortfolioSections data={data} />}
      {data.methodology ? <MethodologySection m={data.methodology} /> : null}
      {data.kind === "PRODUCT" && data.signature ? (
        <Section title="Signature">
          <p className="text-sm text-slate-800" data-testid="report-signature">
            {data.signature.statement}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Report issued {meta.generatedAt.slice(0, 16).replace("T", " ")} UTC by {meta.generatedBy}, {meta.organizationName}.
          </p>
        </Section>
      ) : null}
      <Section title="Verify this report">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">Report ID</dt>
          <dd className="font-mono">{meta.reportId}</dd>
          <dt className="text-slate-500">Content SHA-256</dt>
          <dd className="break-all font-mono text-xs" data-testid="report-content-hash">
            {contentSha256}
          </dd>
        </dl>
        <p className="mt-2 text-sm text-slate-600">Anyone holding this report can check it is genuine and unaltered at {meta.verifyUrl}, with the PDF file or its ID.</p>
      </Section>
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `report-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h3 id={id} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Table({ head, rows, empty }: { head: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ScrollRegion label={head.join(", ")}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className="px-2 py-1.5 align-top">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? "—" : v);

function ProductSections({ data }: { data: ProductReportData }) {
  const { score, decision } = data;
  return (
    <>
      <Section title="Executive summary">
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-3xl font-semibold tabular-nums" data-testid="report-score">
            {score.score} / 100
          </p>
          <RiskTierBadge tier={score.tier} />
          {score.cappedBy ? <span className="text-sm font-semibold text-red-800">{score.cappedBy.charAt(0).toUpperCase() + score.cappedBy.slice(1)}</span> : null}
          <p className="text-sm text-slate-600" data-testid="report-tier-reason">
            {score.tierReason}
          </p>
        </div>
        {data.summary ? (
          <div className="mt-3 rounded-md bg-slate-50 p-3 text-sm">
            <p className="font-semibold text-slate-900" data-testid="report-decision-statement">
              {data.summary.decision}
            </p>
            {data.summary.conditions.length ? (
              <ul className="mt-1 list-disc pl-5 text-slate-700">
                {data.summary.conditions.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <dl className="mt-3 flex flex-col gap-1 text-sm">
          {score.parts.map((p) => (
            <div key={p.label} className="flex items-center gap-3">
              <dt className="w-40 text-slate-600">
                {p.label} ({p.weight}%)
              </dt>
              <dd className="flex flex-1 items-center gap-2">
                <span className="h-2 flex-1 rounded bg-slate-200">
                  <span className="block h-2 rounded bg-brand-600" style={{ width: `${p.score}%` }} />
                </span>
                <span className="w-10 text-right tabular-nums">{p.score}</span>
              </dd>
            </div>
          ))}
        </dl>
        {data.useCase ? (
          <p className="mt-3 text-sm text-slate-700">
            Use case: {data.useCase.clientName}, {data.useCase.purpose} · data {data.useCase.dataClasses.join(", ") || "none"} · residency {data.useCase.residency} · status{" "}
            <strong>{data.useCase.status}</strong>
            {data.useCase.validUntil ? ` · valid until ${data.useCase.validUntil}${data.useCase.validUntilWhy ? ` (${data.useCase.validUntilWhy})` : ""}` : ""}
          </p>
        ) : null}
        <div className="mt-3 text-sm">
          {decision ? (
            <>
              <p>
                Decision: <strong>{decision.outcome}</strong> by {decision.decidedBy} on {decision.decidedAt}
              </p>
              <p className="text-slate-600">{decision.justification}</p>
              {decision.conditions.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {decision.conditions.map((c, i) => (
                    <li key={i}>
                      {c.text}
                      {c.dueOn ? ` (due ${c.dueOn})` : ""} — {c.met ? "met" : "open"}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : (
            <p className="text-slate-600">No decision recorded.</p>
          )}
        </div>
      </Section>
      <Section title="Red flags">
        <Table head={["Severity", "Flag", "Evidence"]} rows={data.flags.map((f) => [f.severity, f.label, f.evidence])} empty="No red flags." />
      </Section>
      {data.contradictions ? (
        <Section title="Contradictions">
          <Table
            head={["Contradiction", "One side", "The other side", "Status"]}
            rows={data.contradictions.map((c) => [c.title, c.left, c.right, c.status])}
            empty="None: the answers, product facts, DPA and evidence agree."
          />
        </Section>
      ) : null}
      <Section title="DPA checklist">
        {data.dpa ? (
          <>
            <p className="mb-2 text-sm text-slate-700">
              {data.dpa.title} · signed {dash(data.dpa.signedOn)} · expires {dash(data.dpa.expiresOn)} · breach notice {data.dpa.breachNoticeHours === null ? "not stated" : `${data.dpa.breachNoticeHours} hours`} · transfers {data.dpa.transferMechanism}
            </p>
            <Table head={["Clause", "Status", "Evidence"]} rows={data.dpa.clauses.map((c) => [c.label, c.status, dash(c.evidence)])} empty="No clauses recorded." />
          </>
        ) : (
          <p className="text-sm text-slate-500">No DPA recorded.</p>
        )}
      </Section>
      <Section title="Certifications">
        <Table head={["Certification", "Issuer", "Issued", "Expires", "Validity"]} rows={data.certifications.map((c) => [c.name, dash(c.issuer), dash(c.issuedOn), dash(c.expiresOn), c.validity])} empty="None recorded." />
      </Section>
      <Section title="Sub-processors and regions">
        <p className="mb-2 text-sm text-slate-700">Processing regions: {data.product.processingRegions.join(", ") || "not stated"}</p>
        <Table head={["Sub-processor", "Purpose", "Regions"]} rows={data.subProcessors.map((s) => [s.name, dash(s.purpose), s.regions.join(", ") || "—"])} empty="None recorded." />
      </Section>
      <Section title="Questionnaire answers">
        {data.questionnaire ? (
          <div className="flex flex-col gap-4">
            {data.questionnaire.sections.map((s) => (
              <div key={s.title}>
                <h4 className="mb-1 text-sm font-semibold text-slate-800">{s.title}</h4>
                <Table head={["Question", "Answer"]} rows={s.answers.map((a) => [a.prompt, a.answer])} empty="No questions." />
              </div>
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-500">No questionnaire submitted.</p>
        )}
      </Section>
      <Section title="Score breakdown">
        <Table head={["Part", "Item", "Points", "Of", "Note"]} rows={score.contributions.map((c) => [c.part, c.item, c.points, c.of, c.note])} empty="Nothing scored." />
      </Section>
      <Section title="Exceptions">
        <Table head={["Justification", "Risk accepted", "Client consent", "Expires", "Granted by", "Status"]} rows={data.exceptions.map((e) => [e.justification, e.riskAccepted, e.clientConsent, e.expiresOn, e.grantedBy, e.status])} empty="No exceptions." />
      </Section>
      <Section title="Review and expiry dates">
        <Table head={["What", "Date"]} rows={data.dates.map((d) => [d.label, d.dueOn])} empty="None." />
      </Section>
      <Section title="Audit trail (excerpt)">
        <Table head={["When (UTC)", "Who", "Action", "Record"]} rows={data.audit.map((a) => [a.at, a.actor, a.action, a.summary])} empty="No events." />
      </Section>
    </>
  );
}

function PortfolioSections({ data }: { data: PortfolioReportData }) {
  const s = data.summary;
  return (
    <>
      <Section title="Summary">
        <p className="text-sm text-slate-700">
          {s.total} use case{s.total === 1 ? "" : "s"}: {s.approved} approved, {s.lapsed} lapsed, {s.rejected} rejected, {s.pending} awaiting a decision. {s.critical} critical and {s.high} high risk.
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Residency {data.client.residency} · data {data.client.dataClasses.join(", ") || "none"} · frameworks {data.client.frameworks.join(", ") || "none"}
        </p>
      </Section>
      {data.chart ? (
        <Section title="Use cases by tier and status">
          <Table head={["Tier", ...data.chart[0]!.counts.map((c) => c.status), "Total"]} rows={data.chart.map((r) => [r.label, ...r.counts.map((c) => c.count), r.counts.reduce((sum, c) => sum + c.count, 0)])} empty="No use cases." />
        </Section>
      ) : null}
      <Section title="Use cases">
        <Table
          head={["Product", "Purpose", "Status", "Tier", "Score", "Valid until", "Open flags"]}
          rows={data.useCases.map((u) => [u.product, u.purpose, u.status, u.tier ? <RiskTierBadge key="t" tier={u.tier} /> : "—", dash(u.score), dash(u.validUntil), u.openFlags.join(", ") || "None"])}
          empty="No use cases."
        />
      </Section>
    </>
  );
}

function MethodologySection({ m }: { m: Methodology }) {
  return (
    <Section title="Methodology">
      <p className="mb-2 text-sm text-slate-600">The score (0–100) is the weighted average of three parts. The tier comes from the score, unless a red flag sets a worse one.</p>
      <Table head={["Part", "Weight", "How it scores"]} rows={m.parts.map((p) => [p.label, `${p.weight}%`, p.what])} empty="—" />
      <h4 className="mt-3 text-sm font-semibold text-slate-800">Tiers</h4>
      <ul className="list-disc pl-5 text-sm text-slate-700">
        {m.tiers.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <h4 className="mt-3 text-sm font-semibold text-slate-800">What each red flag does</h4>
      <Table head={["Red flag", "Severity", "Effect"]} rows={m.flags.map((f) => [f.label, f.severity, f.effect])} empty="—" />
      <h4 className="mt-3 text-sm font-semibold text-slate-800">Review cadence</h4>
      <ul className="list-disc pl-5 text-sm text-slate-700">
        {m.cadence.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </Section>
  );
}
