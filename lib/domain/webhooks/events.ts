import type { ReminderThreshold, RenewalKind } from "@/lib/domain/renewals/renewal-schedule";

/** The events an endpoint may subscribe to, and what each means to the people choosing them. */
export const WEBHOOK_EVENTS = ["assessment.submitted", "decision.made", "approval.lapsed", "evidence.expiring", "evidence.expired", "report.shared", "vendor_request.submitted"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by "Send test event", to one endpoint, whatever it subscribes to. */
export const TEST_EVENT = "ping";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "assessment.submitted": "An assessment was submitted for review",
  "decision.made": "A compliance officer decided a use case",
  "approval.lapsed": "An approval lapsed or was suspended",
  "evidence.expiring": "A DPA or certification expires within 60 days",
  "evidence.expired": "A DPA or certification expired",
  "report.shared": "A risk report was shared with a client",
  "vendor_request.submitted": "A vendor submitted a questionnaire",
};

/** Deliveries given up on in a row before an endpoint is disabled. */
export const WEBHOOK_DISABLE_AFTER = 5;
/** Attempts per delivery: the first and this many retries, with exponential backoff from 30 s. */
export const WEBHOOK_RETRIES = 5;
export const WEBHOOK_RETRY_DELAY_SECONDS = 30;

/**
 * Which event a reminder also is: evidence about to expire or expired, and an approval that
 * lapsed or was suspended. The reminder's once-only key makes each event once, too.
 */
export function webhookEventForReminder(kind: RenewalKind, threshold: ReminderThreshold): WebhookEvent | null {
  if (kind === "DPA_EXPIRY" || kind === "CERTIFICATION_EXPIRY") return threshold === "OVERDUE" ? "evidence.expired" : "evidence.expiring";
  if (kind === "APPROVAL_SUSPENDED") return "approval.lapsed";
  if (kind === "APPROVAL_VALID_UNTIL" && threshold === "OVERDUE") return "approval.lapsed";
  return null;
}
