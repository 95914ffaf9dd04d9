/**
 * Renders a risk report (product or client portfolio) from its plain data to a PDF Buffer, for
 * snapshots of version 3 on (older snapshots: render-report-v2.ts, frozen). An auditor's report:
 * the MSP's name and logo, whose data it holds, a contents page, the decision as it stands in the
 * executive summary, a methodology page, a signature block with the content hash, and a
 * confidentiality line on every page.
 * Deterministic: the same data and meta give the same bytes (the creation date is the report's,
 * fonts are embedded from the repo, nothing reads the clock), so a stored snapshot re-renders to
 * the file that was issued. The drawing primitives are in pdf-layout.ts.
 */
import { badge, bar, capitalised, COLOR, contentWidth, createDocument, cutToLines, ensureSpace, fields, fittedLine, gap, gauge, heading, instantWords, left, list, newPage, num, orDash, paragraph, scoreColor, stampPages, style, subheading, table, TIER_COLOR, toBuffer, truncateToWidth, type Doc } from "./pdf-layout";
import type { Methodology, PortfolioReportData, ProductReportData, ReportData, ReportMeta } from "./report-data";

type Toc = Array<{ title: string; page: number }>;
type Heading = (title: string, keep?: number) => void;

export async function renderReport(data: ReportData, meta: ReportMeta): Promise<Buffer> {
  instantWords(meta.generatedAt); // throws unless it is an instant
  const created = new Date(meta.generatedAt);
  const subject = data.kind === "PRODUCT" ? `${data.vendor.name} — ${data.product.name}` : data.client.name;
  const doc = createDocument({
    Title: data.kind === "PRODUCT" ? `AI vendor risk report: ${subject}${data.useCase ? ` for ${data.useCase.clientName}` : ""}` : `Client AI portfolio report: ${subject}`,
    Author: meta.organizationName,
    Subject: data.kind === "PRODUCT" ? "AI vendor risk report" : "Client AI portfolio report",
    Creator: "Vetta",
    Producer: "Vetta",
    CreationDate: created,
    ModDate: created,
    Keywords: `vetta-report:${meta.reportId}`,
  });
  const toc: Toc = [];
  const h = (title: string, keep?: number) => {
    heading(doc, title, keep);
    toc.push({ title, page: doc.bufferedPageRange().count - 1 });
  };
  if (data.kind === "PRODUCT") renderProduct(doc, data, meta, h);
  else renderPortfolio(doc, data, meta, h);
  if (data.methodology) methodologyPage(doc, data.methodology, h);
  signatureAndVerify(doc, data, meta, h);
  if (data.kind === "PRODUCT") contentsPage(doc, 1, toc);
  stampPages(doc, { left: `Risk report — ${subject}`, right: meta.organizationName }, `Report ${meta.reportId}`, data.confidentiality);
  return toBuffer(doc);
}

function cover(doc: Doc, meta: ReportMeta, title: string, lines: Array<{ text: string; size: number; bold?: boolean; color?: string }>) {
  const x = left(doc);
  const width = contentWidth(doc);
  // The MSP's logo (Settings → Organisation) or its name; Vetta is only the tool.
  if (meta.logo) doc.image(Buffer.from(meta.logo.base64, "base64"), x, 40, { fit: [160, 44] });
  else {
    style(doc, { size: 11, bold: true, color: COLOR.muted });
    doc.text(truncateToWidth(doc, meta.organizationName, width), x, 60, { width, lineBreak: false });
  }
  style(doc, { size: 26, bold: true });
  doc.text(title, x, 110, { width });
  gap(doc, 10);
  for (const line of lines) {
    style(doc, { size: line.size, bold: line.bold, color: line.color });
    // At most three lines each, so the gauge and the footer block keep their places.
    doc.text(cutToLines(doc, line.text, width, 3), x, doc.y, { width, lineGap: 2 });
    gap(doc, 4);
  }
}

/** Whose data the report holds, on the cover (snapshots from version 2 on; older ones print as issued). */
function audienceLine(data: ReportData) {
  return data.audience ? [{ text: data.audience.note, size: 10, bold: true, color: COLOR.muted }] : [];
}

function coverFooter(doc: Doc, meta: ReportMeta) {
  const x = left(doc);
  const width = contentWidth(doc);
  doc.y = 660;
  doc.save().moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore();
  gap(doc, 10);
  style(doc, { size: 10, bold: true });
  doc.text(truncateToWidth(doc, meta.organizationName, width), x, doc.y, { width });
  gap(doc, 3);
  style(doc, { size: 9.5, color: COLOR.muted });
  doc.text(truncateToWidth(doc, `Generated ${instantWords(meta.generatedAt)} by ${meta.generatedBy}`, width), x, doc.y, { width });
  gap(doc, 2);
  doc.text(`Report ID ${meta.reportId}`, x, doc.y, { width });
  gap(doc, 2);
  doc.text("Prepared with Vetta.", x, doc.y, { width });
}

function renderProduct(doc: Doc, data: ProductReportData, meta: ReportMeta, h: Heading) {
  const { score } = data;
  cover(doc, meta, "AI vendor risk report", [
    { text: data.vendor.name, size: 18, bold: true },
    { text: data.product.name, size: 15 },
    ...(data.vendor.website ? [{ text: data.vendor.website, size: 9.5, color: COLOR.faint }] : []),
    ...(data.useCase
      ? [
          { text: `For ${data.useCase.clientName}`, size: 12, bold: true },
          { text: `Use case: ${data.useCase.purpose}`, size: 10.5, color: COLOR.muted },
        ]
      : []),
    ...audienceLine(data),
  ]);
  const cx = doc.page.width / 2;
  const gaugeY = Math.min(Math.max(doc.y + 130, 420), 560);
  gauge(doc, cx, gaugeY, 95, score.score, score.tier);
  let reasonY = gaugeY + 34;
  if (score.cappedBy) {
    style(doc, { size: 10, bold: true, color: TIER_COLOR[score.tier] });
    doc.text(capitalised(score.cappedBy), left(doc), gaugeY + 26, { width: contentWidth(doc), align: "center", lineBreak: false });
    reasonY = gaugeY + 42;
  }
  style(doc, { size: 10, color: COLOR.muted });
  doc.text(cutToLines(doc, score.tierReason, contentWidth(doc), 3), left(doc), reasonY, { width: contentWidth(doc), align: "center", lineGap: 2 });
  coverFooter(doc, meta);

  newPage(doc); // the contents page, filled in once every section's page is known
  newPage(doc);
  h("Executive summary");
  style(doc, { size: 22, bold: true, color: TIER_COLOR[score.tier] });
  const y = doc.y;
  const scoreText = `${score.score} / 100`;
  doc.text(scoreText, left(doc), y, { lineBreak: false });
  const scoreWidth = doc.widthOfString(scoreText);
  const lineHeight = doc.currentLineHeight();
  badge(doc, score.tier, left(doc) + scoreWidth + 14, y + (lineHeight - 20) / 2 + 1, TIER_COLOR[score.tier]);
  doc.y = y + lineHeight + 6;
  paragraph(doc, score.tierReason, { size: 10.5 });
  paragraph(doc, `Scoring model version ${score.modelVersion}. A red flag sets the tier whatever the score (see Methodology).`, { size: 8.5, color: COLOR.faint });
  if (data.summary) {
    subheading(doc, "Decision as it stands");
    paragraph(doc, data.summary.decision, { size: 10.5, bold: true });
    if (data.summary.conditions.length) for (const line of data.summary.conditions) paragraph(doc, `• ${line}`, { size: 10 });
  }

  subheading(doc, "Score parts");
  const totalWeight = score.parts.reduce((sum, p) => sum + p.weight, 0);
  for (const part of score.parts) {
    const x = left(doc);
    const py = doc.y;
    style(doc, { size: 9.5, bold: true });
    doc.text(truncateToWidth(doc, part.label, 128), x, py, { width: 130, lineBreak: false });
    bar(doc, x + 135, py + 2, 220, 9, part.score, scoreColor(part.score));
    style(doc, { size: 9.5, color: COLOR.muted });
    const weight = totalWeight === 0 ? 0 : Math.round((part.weight / totalWeight) * 100);
    doc.text(`${part.score}/100, weight ${weight}%`, x + 365, py, { width: contentWidth(doc) - 365, lineBreak: false });
    doc.y = py + 18;
  }

  subheading(doc, "Product");
  fields(doc, [
    ["Plan or tier", orDash(data.product.tier)],
    ["Retention", orDash(data.product.retention)],
    ["Trains on customer data", orDash(data.product.trainingOnCustomerData)],
    ["Encryption", orDash(data.product.encryption)],
  ]);

  subheading(doc, "Decision");
  if (data.decision) {
    const d = data.decision;
    fields(doc, [
      ["Outcome", d.outcome],
      ["Decided by", d.decidedBy],
      ["Decided at", d.decidedAt],
      ["Justification", orDash(d.justification)],
    ]);
    if (d.conditions.length) {
      table(
        doc,
        [
          { header: "Condition", width: 6 },
          { header: "Due", width: 1.6 },
          { header: "State", width: 1.2 },
        ],
        d.conditions.map((c) => [c.text, c.dueOn ?? "No due date", c.met ? { text: "Met", color: TIER_COLOR.LOW } : { text: "Open", bold: true }]),
      );
    }
  } else paragraph(doc, "No decision recorded.", { color: COLOR.muted });

  if (data.useCase) {
    const u = data.useCase;
    subheading(doc, "Use case");
    fields(doc, [
      ["Client", u.clientName],
      ["Purpose", u.purpose],
      ["Data classes", list(u.dataClasses)],
      ["Residency", u.residency],
      ["Status", u.status],
      ["Valid until", u.validUntil ?? "No end date"],
      ["Why", orDash(u.validUntilWhy)],
    ]);
  }

  h("Red flags");
  if (data.flags.length) {
    const severityColor = { critical: TIER_COLOR.CRITICAL, high: TIER_COLOR.HIGH, medium: TIER_COLOR.MEDIUM } as const;
    table(
      doc,
      [
        { header: "Severity", width: 1.3 },
        { header: "Flag", width: 2.6 },
        { header: "Evidence", width: 6 },
      ],
      data.flags.map((f) => [{ text: capitalised(f.severity), color: severityColor[f.severity], bold: true }, f.label, f.evidence]),
    );
  } else paragraph(doc, "No red flags.");

  // Reports made before contradictions existed have no such field: the section is left out.
  if (data.contradictions) {
    h("Contradictions");
    if (data.contradictions.length) {
      table(
        doc,
        [
          { header: "Contradiction", width: 2.6 },
          { header: "One side", width: 2.8 },
          { header: "The other side", width: 2.8 },
          { header: "Status", width: 2.4 },
        ],
        data.contradictions.map((c) => [c.title, c.left, c.right, c.status]),
      );
    } else paragraph(doc, "None: the answers, product facts, DPA and evidence agree.");
  }

  h("DPA checklist");
  if (data.dpa) {
    const dpa = data.dpa;
    fields(doc, [
      ["DPA", dpa.title],
      ["Signed", dpa.signedOn ?? "Not signed"],
      ["Expires", dpa.expiresOn ?? "No expiry date"],
      ["Breach notice", dpa.breachNoticeHours === null ? "Not stated" : `Within ${dpa.breachNoticeHours} hours`],
      ["Transfer mechanism", orDash(dpa.transferMechanism)],
    ]);
    gap(doc, 4);
    table(
      doc,
      [
        { header: "Clause", width: 2.5 },
        { header: "Status", width: 1.5 },
        { header: "Evidence", width: 6 },
      ],
      dpa.clauses.map((c) => [c.label, c.status, orDash(c.evidence)]),
    );
  } else paragraph(doc, "No DPA recorded.");

  h("Certifications");
  if (data.certifications.length) {
    table(
      doc,
      [
        { header: "Name", width: 2.6 },
        { header: "Issuer", width: 2.2 },
        { header: "Issued", width: 1.3 },
        { header: "Expires", width: 1.3 },
        { header: "Validity", width: 2.2 },
      ],
      data.certifications.map((c) => [c.name, orDash(c.issuer), orDash(c.issuedOn), orDash(c.expiresOn), c.validity]),
    );
  } else paragraph(doc, "None recorded.");

  h("Sub-processors and regions");
  paragraph(doc, `Processing regions: ${data.product.processingRegions.length ? data.product.processingRegions.join(", ") : "Not known"}`);
  if (data.subProcessors.length) {
    table(
      doc,
      [
        { header: "Name", width: 2.5 },
        { header: "Purpose", width: 4.5 },
        { header: "Regions", width: 2.5 },
      ],
      data.subProcessors.map((s) => [s.name, orDash(s.purpose), list(s.regions)]),
    );
  } else paragraph(doc, "None recorded.");

  h("Questionnaire answers");
  if (data.questionnaire) {
    const q = data.questionnaire;
    paragraph(doc, `${q.title}${q.submittedOn ? `, submitted ${q.submittedOn}` : ""}`, { color: COLOR.muted });
    for (const section of q.sections) {
      if (section.answers.length) {
        table(
          doc,
          [
            { header: "Question", width: 5 },
            { header: "Answer", width: 4 },
          ],
          section.answers.map((a) => [a.prompt, a.answer]),
          { title: section.title },
        );
      } else {
        subheading(doc, section.title);
        paragraph(doc, "No questions in this section.", { color: COLOR.muted });
      }
    }
  } else paragraph(doc, "No questionnaire submitted.");

  h("Score breakdown");
  if (score.contributions.length) {
    table(
      doc,
      [
        { header: "Part", width: 1.8 },
        { header: "Item", width: 2.8 },
        { header: "Points", width: 0.9, align: "right" },
        { header: "Of", width: 0.7, align: "right" },
        { header: "Note", width: 3.6 },
      ],
      score.contributions.map((c) => [c.part, c.item, num(c.points), num(c.of), orDash(c.note)]),
    );
  } else paragraph(doc, "Nothing contributed to the score.");

  h("Exceptions");
  if (data.exceptions.length) {
    table(
      doc,
      [
        { header: "Justification", width: 3.5 },
        { header: "Risk accepted", width: 2.6 },
        { header: "Client consent", width: 1.8 },
        { header: "Expires", width: 1.3 },
        { header: "Granted by", width: 1.5 },
        { header: "Status", width: 1.1 },
      ],
      data.exceptions.map((e) => [e.justification, e.riskAccepted, e.clientConsent, e.expiresOn, e.grantedBy, e.status]),
    );
  } else paragraph(doc, data.useCase ? "No exceptions." : "None: risk exceptions belong to a client's use case.");

  h("Review and expiry dates");
  if (data.dates.length) {
    table(
      doc,
      [
        { header: "What", width: 6 },
        { header: "Date", width: 1.5 },
      ],
      data.dates.map((d) => [d.label, d.dueOn]),
    );
  } else paragraph(doc, "None.");

  h("Audit trail (excerpt)");
  if (data.audit.length) {
    table(
      doc,
      [
        { header: "When", width: 1.7 },
        { header: "Who", width: 1.8 },
        { header: "Action", width: 2.2 },
        { header: "Summary", width: 3.5 },
      ],
      data.audit.map((a) => [a.at, a.actor, a.action, a.summary]),
    );
  } else paragraph(doc, "No audit events.");
}

function renderPortfolio(doc: Doc, data: PortfolioReportData, meta: ReportMeta, h: Heading) {
  cover(doc, meta, "Client AI portfolio report", [
    { text: data.client.name, size: 18, bold: true },
    { text: `${data.summary.total} AI use case${data.summary.total === 1 ? "" : "s"}`, size: 12, color: COLOR.muted },
    ...audienceLine(data),
  ]);
  coverFooter(doc, meta);

  newPage(doc);
  h("Summary");
  const s = data.summary;
  fields(doc, [
    ["Use cases", String(s.total)],
    ["Approved", String(s.approved)],
    ["Pending", String(s.pending)],
    ["Lapsed", String(s.lapsed)],
    ["Rejected", String(s.rejected)],
    ["Critical tier", String(s.critical)],
    ["High tier", String(s.high)],
  ]);
  gap(doc, 6);
  fields(doc, [
    ["Residency", orDash(data.client.residency)],
    ["Data classes", list(data.client.dataClasses)],
    ["Frameworks", list(data.client.frameworks)],
  ]);

  if (data.chart) {
    subheading(doc, "Use cases by tier and status");
    tierStatusChart(doc, data.chart);
  }

  h("Use cases");
  if (data.useCases.length) {
    table(
      doc,
      [
        { header: "Product", width: 2.4 },
        { header: "Purpose", width: 2.8 },
        { header: "Status", width: 1.5 },
        { header: "Tier", width: 1.2 },
        { header: "Score", width: 0.8, align: "right" },
        { header: "Valid until", width: 1.4 },
        { header: "Open flags", width: 2.4 },
      ],
      data.useCases.map((u) => [
        u.product,
        u.purpose,
        u.status,
        u.tier ? { text: u.tier, color: TIER_COLOR[u.tier], bold: true } : "Not scored",
        u.score === null ? "—" : String(u.score),
        orDash(u.validUntil),
        u.openFlags.length ? u.openFlags.join(", ") : "None",
      ]),
    );
  } else paragraph(doc, "No use cases recorded for this client.");
}

function signatureAndVerify(doc: Doc, data: ReportData, meta: ReportMeta, h: Heading) {
  h("Signature and verification", 200);
  const signature = data.kind === "PRODUCT" ? data.signature : undefined;
  fields(doc, [
    ["Decision", signature ? signature.statement : "A portfolio report records no decision of its own; each use case's decision is on its product report."],
    ["Decided by", signature?.decidedBy ?? "—"],
    ["Decided at", signature?.decidedAt ?? "—"],
    ["Report issued", `${instantWords(meta.generatedAt)} by ${meta.generatedBy}, ${meta.organizationName}`],
  ]);
  gap(doc, 6);
  verifyBlock(doc, meta);
}

function verifyBlock(doc: Doc, meta: ReportMeta) {
  subheading(doc, "Verify this report", 90);
  fittedLine(doc, `Report ID ${meta.reportId}`, { size: 10.5, bold: true });
  fittedLine(doc, `Content SHA-256: ${meta.contentSha256}`, { size: 9.5, minSize: 5 });
  fittedLine(doc, `Check it at ${meta.verifyUrl}`, { size: 10.5, minSize: 6, link: meta.verifyUrl });
  gap(doc, 2);
  paragraph(
    doc,
    "The verify page accepts this PDF file or its report ID. Given the file, it tells you whether it is exactly the report as issued; given the ID, it shows the content SHA-256 above, so you can compare it with this printed copy.",
    { color: COLOR.muted },
  );
}

const STATUS_COLOR: Record<string, string> = { Approved: TIER_COLOR.LOW, "Awaiting a decision": "#64748b", Suspended: "#7c3aed", Lapsed: TIER_COLOR.MEDIUM, Rejected: TIER_COLOR.CRITICAL };

/** Horizontal stacked bars: one row per tier, segments by status, with the counts and a legend. */
function tierStatusChart(doc: Doc, rows: NonNullable<PortfolioReportData["chart"]>) {
  const x = left(doc);
  const labelWidth = 90;
  const barWidth = contentWidth(doc) - labelWidth - 40;
  const max = Math.max(1, ...rows.map((r) => r.counts.reduce((sum, c) => sum + c.count, 0)));
  ensureSpace(doc, rows.length * 22 + 30);
  for (const row of rows) {
    const y = doc.y;
    style(doc, { size: 9.5, bold: true, color: row.tier ? TIER_COLOR[row.tier] : COLOR.muted });
    doc.text(row.label, x, y + 1, { width: labelWidth, lineBreak: false });
    let at = x + labelWidth;
    const total = row.counts.reduce((sum, c) => sum + c.count, 0);
    doc.save().rect(at, y, barWidth, 12).fill(COLOR.track).restore();
    for (const c of row.counts) {
      if (c.count === 0) continue;
      const w = (c.count / max) * barWidth;
      doc.save().rect(at, y, w, 12).fill(STATUS_COLOR[c.status] ?? COLOR.muted).restore();
      at += w;
    }
    style(doc, { size: 9.5, color: COLOR.text });
    doc.text(String(total), x + labelWidth + barWidth + 8, y + 1, { width: 32, lineBreak: false });
    doc.y = y + 20;
  }
  let lx = x + labelWidth;
  const ly = doc.y + 2;
  for (const status of Object.keys(STATUS_COLOR)) {
    doc.save().rect(lx, ly + 1, 8, 8).fill(STATUS_COLOR[status]!).restore();
    style(doc, { size: 8.5, color: COLOR.muted });
    doc.text(status, lx + 11, ly, { lineBreak: false });
    lx += 11 + doc.widthOfString(status) + 14;
  }
  doc.y = ly + 18;
  doc.x = x;
}

function methodologyPage(doc: Doc, m: Methodology, h: Heading) {
  newPage(doc);
  h("Methodology");
  paragraph(doc, "The score (0–100) is the weighted average of three parts. The tier comes from the score, unless a red flag sets a worse one.", { color: COLOR.muted });
  table(
    doc,
    [
      { header: "Part", width: 2 },
      { header: "Weight", width: 1, align: "right" },
      { header: "How it scores", width: 7 },
    ],
    m.parts.map((p) => [p.label, `${p.weight}%`, p.what]),
  );
  subheading(doc, "Tiers");
  for (const t of m.tiers) paragraph(doc, `• ${t}`);
  subheading(doc, "What each red flag does");
  const severityColor = { critical: TIER_COLOR.CRITICAL, high: TIER_COLOR.HIGH, medium: TIER_COLOR.MEDIUM } as const;
  table(
    doc,
    [
      { header: "Red flag", width: 3.5 },
      { header: "Severity", width: 1.4 },
      { header: "Effect", width: 4.5 },
    ],
    m.flags.map((f) => [f.label, { text: capitalised(f.severity), color: severityColor[f.severity], bold: true }, f.effect]),
  );
  subheading(doc, "Review cadence");
  for (const c of m.cadence) paragraph(doc, `• ${c}`);
}

/** The contents page (reserved as page `pageIndex`), listing each section with its page number. */
function contentsPage(doc: Doc, pageIndex: number, toc: Toc) {
  doc.switchToPage(pageIndex);
  doc.y = doc.page.margins.top;
  heading(doc, "Contents");
  const x = left(doc);
  const width = contentWidth(doc);
  for (const entry of toc) {
    const y = doc.y;
    style(doc, { size: 10.5 });
    const pageText = String(entry.page + 1);
    const pageWidth = doc.widthOfString(pageText);
    doc.text(truncateToWidth(doc, entry.title, width - 60), x, y, { lineBreak: false });
    doc.text(pageText, x + width - pageWidth, y, { lineBreak: false });
    doc.y = y + 18;
  }
}
