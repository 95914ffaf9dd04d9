/**
 * The default template, "AI vendor due diligence": every question the seed documents say to ask
 * an AI vendor (shared/seeds 000–004), each with help text saying why it matters. Seeded and
 * published for every new organisation; admins version it from there.
 */
import type { z } from "zod";
import type { templateSchema } from "@/lib/validation/questionnaire-template";

type Template = z.input<typeof templateSchema>;
type Q = Template["sections"][number]["questions"][number];

const yesNo = (key: string, prompt: string, helpText: string, extra: Partial<Q> = {}): Q => ({
  key,
  prompt,
  helpText,
  type: "YES_NO",
  required: true,
  weight: 2,
  options: [
    { value: "yes", label: "Yes", points: 100 },
    { value: "no", label: "No", points: 0 },
  ],
  ...extra,
});

/** A yes/no where "no" is the good answer (e.g. "is data used for training?"). */
const noIsGood = (key: string, prompt: string, helpText: string, extra: Partial<Q> = {}): Q =>
  yesNo(key, prompt, helpText, { options: [{ value: "yes", label: "Yes", points: 0 }, { value: "no", label: "No", points: 100 }], ...extra });

export const DEFAULT_QUESTIONNAIRE: Template = {
  name: "AI vendor due diligence",
  description: "What to ask an AI vendor before client data reaches it: training, location, security, retention, sub-processors, incidents, contract terms, operations and exit.",
  sections: [
    {
      key: "training_use",
      title: "Training and use of data",
      description: "Whether and how the vendor uses your clients' data beyond delivering the service.",
      questions: [
        noIsGood("trains_on_customer_data", "Does the vendor use customer prompts, files or outputs to train or improve its models?", "Business tiers of the major vendors say no; free and consumer tiers often say yes. Data used for training can resurface in other customers' outputs and cannot be withdrawn.", {
          weight: 5,
          productFact: "trainingPolicy",
        }),
        yesNo("training_opt_out", "Can the customer opt out of training, contractually and for all users?", "An opt-out that each user must find in a settings page is not a control an MSP can rely on; a contractual opt-out is.", {
          visibility: { questionKey: "trains_on_customer_data", equals: "yes" },
          weight: 4,
        }),
        yesNo("purpose_limited", "Is processing limited to the stated purpose of the service, in writing?", "Purpose limitation is a GDPR principle and the first clause of a DPA: what the vendor may and may not do with the data.", { weight: 3 }),
        yesNo("human_review_disclosed", "Does the vendor say when, why and by whom prompts may be reviewed by people?", "Abuse monitoring often means vendor staff can read flagged prompts. You need to know who, where and under what controls."),
        noIsGood("data_shared_third_parties", "Is customer data shared with third parties other than listed sub-processors?", "Any sharing outside the sub-processor list is an undisclosed transfer of your clients' data.", { weight: 3 }),
      ],
    },
    {
      key: "location",
      title: "Data location and residency",
      description: "Where data is processed and stored, and how it crosses borders.",
      questions: [
        {
          key: "processing_regions",
          prompt: "In which regions is customer data processed and stored?",
          helpText: "Clients may require data to stay in the EU, UK or US. Without known locations, the client's data-residency requirement cannot be honoured.",
          type: "MULTI_CHOICE",
          required: true,
          weight: 3,
          productFact: "processingRegions",
          options: [
            { value: "EU", label: "European Union", points: 100 },
            { value: "UK", label: "United Kingdom", points: 100 },
            { value: "US", label: "United States", points: 100 },
            { value: "APAC", label: "Asia-Pacific", points: 100 },
            { value: "OTHER", label: "Elsewhere", points: 50 },
          ],
        },
        yesNo("region_pinning", "Can the customer choose and pin the processing region?", "Pinning prevents silent failover to another jurisdiction, which would break a client's residency requirement.", { weight: 3 }),
        {
          key: "transfer_mechanism",
          prompt: "Which mechanism covers transfers out of the EU/UK?",
          helpText: "Transfers of EU personal data to the US need a valid mechanism: the EU-US Data Privacy Framework or Standard Contractual Clauses.",
          type: "SINGLE_CHOICE",
          required: true,
          weight: 3,
          options: [
            { value: "DPF", label: "EU-US Data Privacy Framework", points: 100 },
            { value: "SCCS", label: "Standard Contractual Clauses", points: 100 },
            { value: "NONE_NEEDED", label: "None needed (no transfer)", points: 100 },
            { value: "NONE", label: "None", points: 0 },
          ],
        },
      ],
    },
    {
      key: "security",
      title: "Security controls",
      description: "Technical and organisational measures protecting data at the vendor.",
      questions: [
        yesNo("encryption_in_transit", "Is data encrypted in transit with TLS 1.2 or higher?", "Seeds 001 and 002: encryption in transit (TLS 1.2+) is a baseline; anything less exposes prompts on the wire.", { weight: 3, productFact: "encryptionInTransit" }),
        yesNo("encryption_at_rest", "Is data encrypted at rest with AES-256 or equivalent?", "Encryption at rest protects stored prompts, files and logs if disks or backups leak.", { weight: 3, productFact: "encryptionAtRest" }),
        yesNo("soc2_type2", "Does the vendor hold a current SOC 2 Type II report covering this service?", "SOC 2 Type II is independent evidence that controls operated over a period; without it you rely on the vendor's word.", { weight: 4 }),
        yesNo("iso27001", "Does the vendor hold a current ISO 27001 certificate covering this service?", "ISO 27001 certifies an information security management system; ISO 42001 adds AI management.", { weight: 3 }),
        yesNo("console_mfa", "Does the vendor's admin console enforce MFA and role-based access?", "Good practice requires MFA and least privilege on admin access; a console without them makes every API key and log one phished password away.", { weight: 2 }),
        yesNo("tenant_isolation", "Is each customer's data logically isolated from other customers'?", "Tenant isolation prevents one customer's data appearing in another customer's context or search results.", { weight: 3 }),
        yesNo("staff_access_controlled", "Is vendor staff access to customer data and logs restricted, logged and reviewed?", "Ask who within the vendor can access logged data: unrestricted staff access defeats every other control."),
      ],
    },
    {
      key: "retention",
      title: "Retention and deletion",
      description: "How long inputs, outputs and logs are kept, and how they are destroyed.",
      questions: [
        {
          key: "retention_days",
          prompt: "For how many days are prompts, outputs and logs retained?",
          helpText: "Shorter is better: some vendors delete after 30 days, others keep data indefinitely. Leave unanswered if the vendor will not say.",
          type: "NUMBER",
          required: true,
          weight: 3,
          productFact: "retentionDays",
          // Some providers delete prompts after 30 days, and shorter is better: 30 days or
          // less is the good practice it names; up to a quarter is half credit; longer approaches
          // the "unlimited" the seed calls a red flag and earns nothing.
          bands: [
            { min: null, max: 30, points: 100 },
            { min: null, max: 90, points: 50 },
          ],
        },
        yesNo("zero_retention", "Is a zero-data-retention mode available?", "Zero retention means prompts are processed and not stored, removing a whole class of breach and discovery risk.", { weight: 3, productFact: "zeroRetentionAvailable" }),
        yesNo("deletion_on_request", "Will the vendor delete customer data on request, with written confirmation?", "Secure disposal comes with a certificate of destruction: deletion you cannot prove did not happen.", { weight: 3 }),
        noIsGood("logs_contain_personal_data", "Do the vendor's operational logs keep personal data from prompts?", "Full prompts containing personal data should not be logged: logs are often kept longer and guarded less than the data itself."),
        {
          key: "logs_used_for",
          prompt: "What are logs used for?",
          helpText: "Are logs used for debugging, quality improvement or model training? Each use widens who sees the data.",
          type: "MULTI_CHOICE",
          required: false,
          weight: 2,
          options: [
            { value: "abuse_monitoring", label: "Abuse monitoring only", points: 100 },
            { value: "debugging", label: "Debugging", points: 50 },
            { value: "quality", label: "Quality improvement", points: 25 },
            { value: "training", label: "Model training", points: 0 },
          ],
        },
      ],
    },
    {
      key: "subprocessors_incidents",
      title: "Sub-processors and incidents",
      description: "Who else handles the data, and what happens when something goes wrong.",
      questions: [
        yesNo("subprocessor_list_published", "Does the vendor publish its sub-processor list?", "You cannot assess where client data goes without the list (DPA clause SUBPROCESSORS).", { weight: 3 }),
        yesNo("subprocessor_change_notice", "Does the vendor give notice of new sub-processors and a right to object?", "Without notice, a new sub-processor in another jurisdiction can appear without your knowledge."),
        {
          key: "breach_notice_hours",
          prompt: "Within how many hours does the vendor notify customers of a breach?",
          helpText: "GDPR gives controllers 72 hours to notify the regulator; a processor that takes longer makes that impossible.",
          type: "NUMBER",
          required: true,
          weight: 3,
          productFact: "breachNoticeHours",
          // GDPR's 72 hours (SLOW_BREACH_NOTICE beyond it) earns full credit; one more
          // day still leaves the controller a chance to notify late with reasons: half.
          bands: [
            { min: null, max: 72, points: 100 },
            { min: null, max: 96, points: 50 },
          ],
        },
        yesNo("incident_response_plan", "Does the vendor maintain and test an incident response plan?", "Every company can be breached; what matters is how quickly the vendor notifies you and contains it."),
      ],
    },
    {
      key: "contract",
      title: "Contract and DPA",
      description: "What the signed agreement guarantees.",
      questions: [
        yesNo("dpa_signed", "Is a data processing agreement signed for this service?", "No DPA is a critical red flag: without it the vendor has no binding obligations on your clients' personal data.", { weight: 5 }),
        yesNo("data_ownership", "Does the contract state that the customer owns its data and outputs?", "Seeds 001 and 004: the customer owns the data; the vendor is a processor only.", { weight: 3 }),
        yesNo("audit_rights", "Does the customer have the right to audit or to receive audit reports?", "Audit rights are how you verify, not trust, the vendor's controls (DPA clause AUDIT_RIGHTS)."),
        yesNo("baa_available", "Is a HIPAA Business Associate Agreement available?", "Required before any protected health information (PHI) reaches the service.", { required: false, weight: 2 }),
        {
          key: "dpa_document",
          prompt: "Attach the signed DPA or the vendor's published terms.",
          helpText: "Evidence on file lets a reviewer check the answers above against the document.",
          type: "FILE",
          required: false,
          weight: 0,
        },
      ],
    },
    {
      key: "operations_exit",
      title: "Operations and exit",
      description: "How the MSP will run the service safely, and leave it.",
      questions: [
        yesNo("api_keys_in_vault", "Will API keys be stored in a key vault, never in code or e-mail?", "The problem is rarely encryption; it is unsecured API keys. A leaked key exposes everything sent with it.", { weight: 2 }),
        yesNo("rate_limiting", "Is rate limiting configured to contain misuse of the keys?", "Rate limits cap the damage (and the bill) when a key leaks."),
        yesNo("data_minimisation", "Will only the fields the task needs be sent (data minimisation)?", "Do not pass entire customer records when a name and a question will do.", { weight: 3 }),
        yesNo("redaction_supported", "Is redaction or DLP applied before data reaches the service?", "Redaction and data-loss-prevention (DLP) tools remove identifiers before they leave your boundary."),
        yesNo("export_available", "Can all customer data be exported in a usable format at exit?", "An exit strategy needs data portability; without it you are locked in.", { weight: 2 }),
        {
          key: "additional_notes",
          prompt: "Anything else the reviewer should know?",
          helpText: "Caveats, pending contract changes, or commitments the vendor made in writing.",
          type: "TEXT",
          required: false,
          weight: 0,
        },
      ],
    },
  ],
};
