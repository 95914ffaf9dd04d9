/**
 * Audit actions as a person reads them: the stored action codes ("decision.record") become
 * sentences ("Recorded a decision"), for reports and screens alike. An action not listed here is
 * spelt out from its code, so a new action never shows as a bare code.
 */
const SENTENCES: Record<string, string> = {
  "organization.create": "Created the organisation",
  "organization.update": "Changed the organisation's settings",
  "organization.logo.update": "Changed the organisation's logo",
  "organization.logo.remove": "Removed the organisation's logo",
  "vendor.create": "Added the vendor",
  "vendor.update": "Changed the vendor's details",
  "product.create": "Added the product",
  "product.update": "Changed the product's details",
  "dpa.create": "Recorded a DPA",
  "dpa.update": "Changed the DPA",
  "dpa.upload": "Attached the DPA's file",
  "dpa.analysis.request": "Asked Vetta to analyse the DPA",
  "dpa.analysis.request.joined": "Asked for a DPA analysis already under way",
  "dpa.proposal.accepted": "Accepted a proposed DPA clause",
  "dpa.proposal.changed": "Changed a proposed DPA clause before accepting it",
  "dpa.proposal.rejected": "Rejected a proposed DPA clause",
  "dpa.proposal.accept-all": "Accepted all remaining proposed DPA clauses",
  "dpa.fact.apply": "Applied a fact read from the DPA",
  "certification.create": "Recorded a certification",
  "certification.add": "Recorded a certification",
  "certification.update": "Changed a certification",
  "subprocessors.update": "Changed the sub-processor list",
  "assessment.start": "Started an assessment",
  "assessment.answer": "Answered assessment questions",
  "assessment.submit": "Submitted the assessment",
  "vendor-request.send": "Sent a questionnaire to the vendor",
  "vendor-request.revoke": "Revoked a vendor questionnaire link",
  "vendor-request.submit": "The vendor sent the questionnaire answers",
  "vendor-request.accept": "Accepted a vendor answer",
  "vendor-request.return": "Returned a vendor answer with a comment",
  "vendor-request.return-to-vendor": "Sent returned answers back to the vendor",
  "usecase.create": "Proposed the use case",
  "decision.record": "Recorded a decision",
  "exception.grant": "Granted a risk exception",
  "exception.revoke": "Revoked a risk exception",
  "condition.met": "Marked a condition as met",
  "client.create": "Added the client",
  "client.update": "Changed the client's details",
  "report.create": "Generated a report",
  "report.share": "Shared a report with a client",
  "report.share.revoke": "Revoked a report's share link",
  "scoring.weights.change": "Changed the scoring weights",
  "template.create": "Created a questionnaire template",
  "template.draft": "Started a questionnaire draft",
  "template.draft.save": "Saved a questionnaire draft",
  "template.publish": "Published a questionnaire version",
  "file.upload": "Uploaded an evidence file",
  "reminder.send": "Sent a renewal reminder",
  "calendar.token.create": "Created a calendar feed link",
  "calendar.token.revoke": "Revoked a calendar feed link",
  "api-token.create": "Created an API token",
  "api-token.revoke": "Revoked an API token",
  "webhook.create": "Added a webhook",
  "webhook.enable": "Turned a webhook on",
  "webhook.disable": "Turned a webhook off",
  "webhook.auto-disable": "Turned a failing webhook off",
  "webhook.delete": "Deleted a webhook",
  "sso.update": "Changed the single sign-on settings",
  "user.create.sso": "Added a user at their first single sign-on",
  "user.create": "Added a user",
  "user.role.change": "Changed a user's role",
  "user.mfa.enable": "Turned on two-step sign-in",
  "user.mfa.disable": "Turned off two-step sign-in",
  "user.mfa.reset": "Reset a user's two-step sign-in",
  "user.sessions.revoke": "Signed a user out everywhere",
  tampered: "Audit trail tampering detected",
};

/** "decision.record" → "Recorded a decision"; an unknown "thing.do_more" → "Thing: do more". */
export function auditActionSentence(action: string): string {
  const known = SENTENCES[action];
  if (known) return known;
  const [head = action, ...rest] = action.split(".");
  const words = (s: string) => s.replace(/[_-]+/g, " ").toLowerCase();
  const spelt = rest.length ? `${words(head)}: ${rest.map(words).join(" ")}` : words(head);
  return spelt.charAt(0).toUpperCase() + spelt.slice(1);
}

/** The record an audit event is about, in words (no ids: a truncated id tells a reader nothing). */
export function auditEntityWords(entityType: string): string {
  const words: Record<string, string> = {
    Product: "the product",
    Dpa: "the DPA",
    Certification: "a certification",
    UseCase: "the use case",
    Decision: "a decision",
    RiskException: "a risk exception",
    Condition: "a condition",
    Report: "a report",
    ShareLink: "a share link",
    Vendor: "the vendor",
    Client: "the client",
    Assessment: "an assessment",
  };
  return words[entityType] ?? entityType.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
