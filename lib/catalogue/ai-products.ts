/**
 * The demo organisation's catalogue: real AI products as their vendors publish them, each fact
 * with the public page it was read from and the date shown on that page (or, where the page shows
 * none, the date it was read: 2026-11-23).
 *
 * SAMPLE DATA. Vendors change these terms often. Every entry is loaded as sample data to verify
 * against the vendor's current documents before anyone relies on it. Where a fact was not found on
 * a vendor page it is left UNKNOWN / null / [] and the gap is stated in a note. Where a DPA clause
 * was only read as a verbatim quote in a secondary source (not on the vendor's own page), the
 * evidence says so.
 */

export type Tier = "CONSUMER" | "BUSINESS" | "ENTERPRISE";
export type Deployment = "CLOUD_API" | "PRIVATE_CLOUD" | "ON_PREMISE";
export type Training = "NEVER" | "OPT_OUT_AVAILABLE" | "YES_NO_OPT_OUT" | "UNKNOWN";
export type ClauseId =
  | "PURPOSE"
  | "DATA_CATEGORIES"
  | "RETENTION"
  | "SUBPROCESSORS"
  | "SECURITY_MEASURES"
  | "LOCATION"
  | "AUDIT_RIGHTS"
  | "NO_TRAINING"
  | "BREACH_NOTIFICATION"
  | "DELETION_RETURN"
  | "DATA_OWNERSHIP"
  | "PORTABILITY_EXIT";
export type ClauseStatus = "PRESENT" | "PARTIAL" | "MISSING" | "NOT_APPLICABLE";
export type CertType = "SOC2_TYPE_I" | "SOC2_TYPE_II" | "ISO_27001" | "ISO_27701" | "ISO_42001" | "HIPAA_BAA" | "CSA_STAR" | "OTHER";

export interface FactSource {
  /** Which fact: "tier" | "deploymentModel" | "processingRegions" | "retention" | "zeroRetentionAvailable" | "trainingPolicy" | "encryption" | "dpa" | "certifications" | "subProcessors" | "breachNotice" */
  field: string;
  url: string;
  asPublishedOn: string; // YYYY-MM-DD
  note?: string; // a short quote or paraphrase of what the page says
}

export interface CatalogueEntry {
  vendor: { name: string; website: string; description: string };
  product: {
    name: string;
    description: string;
    tier: Tier;
    deploymentModel: Deployment;
    /** Region codes where data is processed/stored: "US", "EU", "UK", "CA", "AU", "JP", "IN", "APAC", "GLOBAL"… [] when unknown. */
    processingRegions: string[];
    retentionKind: "DAYS" | "UNLIMITED" | "UNKNOWN";
    retentionDays: number | null; // set only when retentionKind is DAYS
    zeroRetentionAvailable: boolean;
    trainingPolicy: Training;
    encryptionInTransit: boolean | null;
    encryptionAtRest: boolean | null;
  };
  sources: FactSource[]; // at least one per non-UNKNOWN fact
  /** The vendor's published DPA, if one applies to this product (consumer tiers usually have none). */
  dpa?: {
    title: string;
    url: string;
    breachNoticeHours: number | null; // e.g. 72 if the DPA states "without undue delay and within 72 hours"; null when unstated
    transferMechanism: "SCCS" | "DPF" | "NONE";
    clauses: Partial<Record<ClauseId, { status: ClauseStatus; evidence: string }>>; // evidence: section ref or short quote
    /** How the DPA text was read, and what could not be checked. */
    note?: string;
  };
  certifications?: Array<{ type: CertType; name?: string; issuer?: string; scope?: string; url: string }>;
  subProcessors?: Array<{ name: string; purpose: string; country: string; region: string }>;
}

export const CATALOGUE_DISCLAIMER =
  "Sample data drawn from vendors' public pages on the dates shown. Verify every fact against the vendor's current documents before relying on it.";

/** The date the pages without a date of their own were read. No source may be dated after it. */
export const CATALOGUE_READ_ON = "2026-11-23";
const READ_ON = CATALOGUE_READ_ON;

// ── Vendor pages cited more than once ─────────────────────────────────────────────────────────
const OPENAI_ENTERPRISE_PRIVACY = "https://openai.com/enterprise-privacy/"; // "Updated: October 31, 2024"
const OPENAI_YOUR_DATA = "https://developers.openai.com/api/docs/guides/your-data";
const OPENAI_SECURITY = "https://openai.com/security-and-privacy/";
const OPENAI_CONSUMER_FAQ = "https://help.openai.com/en/articles/7039943-data-usage-for-consumer-services-faq";
const OPENAI_DPA = "https://openai.com/policies/data-processing-addendum/";
const OPENAI_SUBPROCESSORS = "https://openai.com/policies/sub-processor-list-april-2025-update/"; // "Effective on: April 30, 2025"

const ANTHROPIC_COMMERCIAL_RETENTION = "https://privacy.anthropic.com/en/articles/7996866-how-long-do-you-store-personal-data";
const ANTHROPIC_ZDR = "https://privacy.claude.com/en/articles/8956058-i-have-a-zero-data-retention-agreement-with-anthropic-what-products-does-it-apply-to";
const ANTHROPIC_DATA_USAGE = "https://code.claude.com/docs/en/data-usage";
const ANTHROPIC_DPA = "https://www.anthropic.com/legal/data-processing-addendum";

const AZURE_DATA_PRIVACY = "https://learn.microsoft.com/en-us/azure/ai-foundry/responsible-ai/openai/data-privacy"; // ms.date 10/01/2025
const MICROSOFT_DPA = "https://aka.ms/DPA";
const MICROSOFT_SCCS = "https://docs.microsoft.com/en-us/compliance/regulatory/offering-EU-Model-Clauses";
const MICROSOFT_SUBPROCESSOR_NOTICE = "https://learn.microsoft.com/en-us/training/modules/audit-subprocessor-management/additional-subprocessor-requirements";
const M365_COPILOT_PRIVACY = "https://learn.microsoft.com/en-us/microsoft-365-copilot/microsoft-365-copilot-privacy";
const M365_COPILOT_EDP = "https://learn.microsoft.com/en-us/copilot/microsoft-365/enterprise-data-protection";

const BEDROCK_DATA_PROTECTION = "https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html";
const BEDROCK_DATA_RETENTION = "https://docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html";
const AWS_GDPR_CENTER = "https://aws.amazon.com/compliance/gdpr-center/";

const VERTEX_ZDR = "https://docs.cloud.google.com/gemini-enterprise-agent-platform/resources/zero-data-retention";
const VERTEX_RESIDENCY = "https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/data-residency";
const GOOGLE_CDPA = "https://cloud.google.com/terms/data-processing-addendum";

// ── Vendors ───────────────────────────────────────────────────────────────────────────────────
const OPENAI = { name: "OpenAI", website: "https://openai.com", description: "Maker of the GPT models, ChatGPT and the OpenAI API platform." };
const ANTHROPIC = { name: "Anthropic", website: "https://www.anthropic.com", description: "Maker of the Claude models, the Claude apps and the Claude API." };
const MICROSOFT = {
  name: "Microsoft",
  website: "https://www.microsoft.com",
  description: "Hosts OpenAI and other models as Azure Direct Models in Azure AI Foundry; sells Microsoft 365 Copilot.",
};
const AWS = { name: "Amazon Web Services", website: "https://aws.amazon.com", description: "Amazon Bedrock: foundation models from several providers as a managed AWS service." };
const GOOGLE = { name: "Google Cloud", website: "https://cloud.google.com", description: "Gemini and partner models on Vertex AI (also documented as Gemini Enterprise Agent Platform)." };

export const AI_PRODUCT_CATALOGUE: CatalogueEntry[] = [
  // ── OpenAI API ──────────────────────────────────────────────────────────────────────────────
  {
    vendor: OPENAI,
    product: {
      name: "OpenAI API",
      description: "Business API access to OpenAI models (API Platform).",
      tier: "BUSINESS",
      deploymentModel: "CLOUD_API",
      processingRegions: ["US", "EU"],
      retentionKind: "DAYS",
      retentionDays: 30,
      zeroRetentionAvailable: true,
      trainingPolicy: "NEVER",
      encryptionInTransit: true,
      encryptionAtRest: true,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: OPENAI_ENTERPRISE_PRIVACY,
        asPublishedOn: "2024-10-31",
        note: "\"We do not train our models on your business data by default\" (ChatGPT Team/Enterprise/Edu and the API Platform). The API dashboard offers an explicit opt-in.",
      },
      {
        field: "retention",
        url: OPENAI_YOUR_DATA,
        asPublishedOn: READ_ON,
        note: "Abuse monitoring logs \"retained for up to 30 days, unless longer retention is required by law, or is reasonably necessary to protect our services\".",
      },
      {
        field: "zeroRetentionAvailable",
        url: OPENAI_YOUR_DATA,
        asPublishedOn: READ_ON,
        note: "Zero Data Retention or Modified Abuse Monitoring for eligible customers, \"subject to prior approval by OpenAI\"; some endpoints still keep application state.",
      },
      {
        field: "processingRegions",
        url: "https://help.openai.com/en/articles/10503543-data-residency-for-the-openai-api",
        asPublishedOn: READ_ON,
        note: "Eligible customers can store and process data in the United States or in Europe (EEA + Switzerland); European residency needs an Enterprise agreement and Zero Data Retention eligibility.",
      },
      { field: "encryption", url: OPENAI_ENTERPRISE_PRIVACY, asPublishedOn: "2024-10-31", note: "\"Data encryption at rest (AES-256) and in transit ... (TLS 1.2+)\"." },
      {
        field: "dpa",
        url: OPENAI_SECURITY,
        asPublishedOn: READ_ON,
        note: "\"offers a Data Processing Addendum for customers\". The DPA's own text was not opened here; clauses below come from verbatim quotes in secondary sources.",
      },
      { field: "breachNotice", url: OPENAI_DPA, asPublishedOn: READ_ON, note: "§2.7 \"without undue delay\"; no fixed number of hours (quoted in secondary sources)." },
      {
        field: "certifications",
        url: OPENAI_SECURITY,
        asPublishedOn: READ_ON,
        note: "API and ChatGPT business plans \"covered in our SOC 2 Type 2 report\"; evaluated by the CSA STAR registry (Level 1).",
      },
      { field: "subProcessors", url: OPENAI_SUBPROCESSORS, asPublishedOn: "2025-04-30", note: "Updated OpenAI Sub-processor List, effective April 30, 2025." },
    ],
    dpa: {
      title: "OpenAI Data Processing Addendum",
      url: OPENAI_DPA,
      breachNoticeHours: null,
      transferMechanism: "SCCS",
      note: "The DPA page itself was not in the stored corpus. Clause evidence is from verbatim quotes of the DPA in public compliance write-ups (which date it as updated 1 December 2025); verify against the current DPA.",
      clauses: {
        BREACH_NOTIFICATION: { status: "PARTIAL", evidence: "§2.7: \"OpenAI will notify Customer without undue delay after becoming aware of any Personal Data Breach\" — no fixed deadline." },
        SECURITY_MEASURES: {
          status: "PARTIAL",
          evidence: "§2.5: \"reasonable and appropriate organizational and technical security measures\"; the specifics (AES-256 at rest, TLS 1.2+) are on the Enterprise privacy page, not in the quoted DPA text.",
        },
        DATA_OWNERSHIP: {
          status: "PRESENT",
          evidence: "\"OpenAI acts as a Data Processor on the Customer's behalf\"; Enterprise privacy page: \"You own your inputs and outputs (where allowed by law)\".",
        },
        SUBPROCESSORS: { status: "PRESENT", evidence: "General authorisation with a published sub-processor list; changes announced and the customer may object within 30 days." },
        AUDIT_RIGHTS: { status: "PRESENT", evidence: "Audit once a year on written request, at the customer's cost; SOC 2 Type 2 report available." },
        LOCATION: {
          status: "PARTIAL",
          evidence: "SCCs (with the UK Addendum) \"deemed entered into\"; no default processing region is named — in-region processing only with the data residency option.",
        },
      },
    },
    certifications: [
      { type: "SOC2_TYPE_II", name: "SOC 2 Type 2 (Security and Confidentiality)", scope: "API, ChatGPT Enterprise, Team and Edu", url: OPENAI_SECURITY },
      { type: "CSA_STAR", name: "CSA STAR Level 1", scope: "API and ChatGPT business products", url: OPENAI_SECURITY },
    ],
    subProcessors: [
      { name: "Microsoft Corporation", purpose: "Cloud infrastructure", country: "United States (and 15 other listed countries incl. UK, Germany, France, Japan)", region: "GLOBAL" },
      { name: "Cloudflare, Ltd.", purpose: "Content delivery network", country: "Data centre closest to the end user", region: "GLOBAL" },
      { name: "Snowflake, Inc.", purpose: "Data warehousing (not where Zero Data Retention is used)", country: "United States", region: "US" },
      { name: "TaskUs, LLC", purpose: "Customer support; moderation of content", country: "Philippines", region: "APAC" },
      { name: "Intercom, Inc.", purpose: "Customer support", country: "United States", region: "US" },
      { name: "Okta, Inc.", purpose: "User authentication (via Auth0)", country: "United States", region: "US" },
    ],
  },

  // ── ChatGPT consumer plans ──────────────────────────────────────────────────────────────────
  {
    vendor: OPENAI,
    product: {
      name: "ChatGPT Free and Plus",
      description: "Consumer ChatGPT plans for individuals (not the Business/Enterprise plans).",
      tier: "CONSUMER",
      deploymentModel: "CLOUD_API",
      processingRegions: ["US"],
      retentionKind: "UNLIMITED",
      retentionDays: null,
      zeroRetentionAvailable: false,
      trainingPolicy: "OPT_OUT_AVAILABLE",
      encryptionInTransit: null,
      encryptionAtRest: null,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: OPENAI_CONSUMER_FAQ,
        asPublishedOn: READ_ON,
        note: "\"For non-API consumer products like ChatGPT ... we may use content such as prompts, responses ... to improve our services\"; users can opt out, \"on a going-forward basis only\".",
      },
      {
        field: "retention",
        url: OPENAI_CONSUMER_FAQ,
        asPublishedOn: READ_ON,
        note: "No fixed retention period: the stored FAQ says chat history can only be removed by deleting the account, which is then deleted within 30 days.",
      },
      { field: "processingRegions", url: OPENAI_CONSUMER_FAQ, asPublishedOn: READ_ON, note: "\"Content is stored on OpenAI systems and our trusted service providers' systems in the US.\"" },
      {
        field: "tier",
        url: OPENAI_SECURITY,
        asPublishedOn: READ_ON,
        note: "The DPA and the SOC 2 Type 2 report are offered for the API and ChatGPT business products; no DPA for consumer plans was found. Encryption for consumer plans was not found on a vendor page.",
      },
    ],
  },

  // ── Claude API ──────────────────────────────────────────────────────────────────────────────
  {
    vendor: ANTHROPIC,
    product: {
      name: "Claude API",
      description: "Commercial API access to Claude models (Claude Platform / Anthropic API), under Anthropic's Commercial Terms.",
      tier: "BUSINESS",
      deploymentModel: "CLOUD_API",
      processingRegions: ["GLOBAL", "US"],
      retentionKind: "DAYS",
      retentionDays: 30,
      zeroRetentionAvailable: true,
      trainingPolicy: "NEVER",
      encryptionInTransit: null,
      encryptionAtRest: null,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: "https://privacy.claude.com/es/articles/7996875-puedes-eliminar-datos-que-envie-a-traves-de-api",
        asPublishedOn: READ_ON,
        note: "Help-centre article for commercial products (read in Spanish): API data is not used for training unless the customer has agreed otherwise.",
      },
      {
        field: "trainingPolicy",
        url: ANTHROPIC_DATA_USAGE,
        asPublishedOn: READ_ON,
        note: "Commercial users (Team/Enterprise, API, 3rd-party platforms): Anthropic does not train generative models on prompts sent under commercial terms unless the customer opts in (e.g. Development Partner Program).",
      },
      {
        field: "retention",
        url: ANTHROPIC_COMMERCIAL_RETENTION,
        asPublishedOn: READ_ON,
        note: "\"For Anthropic API users, we automatically delete inputs and outputs on our backend within 30 days of receipt or generation\", unless otherwise agreed (e.g. ZDR); flagged content up to 2 years.",
      },
      {
        field: "zeroRetentionAvailable",
        url: ANTHROPIC_ZDR,
        asPublishedOn: READ_ON,
        note: "Zero data retention for eligible Anthropic APIs, subject to Anthropic's approval; some features (Files API, caching) are outside it.",
      },
      {
        field: "processingRegions",
        url: "https://platform.claude.com/docs/en/manage-claude/data-residency",
        asPublishedOn: READ_ON,
        note: "inference_geo \"global\" (default: any available geography) or \"us\" (US-only inference); workspace geo sets where data is stored at rest.",
      },
      { field: "dpa", url: ANTHROPIC_COMMERCIAL_RETENTION, asPublishedOn: READ_ON, note: "\"For more information about our privacy practices, please see our Trust Center and Data Processing Addendum.\"" },
      {
        field: "breachNotice",
        url: ANTHROPIC_DPA,
        asPublishedOn: READ_ON,
        note: "\"in any event within 48 hours\" — read only as a quote in secondary sources, not on the DPA page itself; verify.",
      },
    ],
    dpa: {
      title: "Anthropic Data Processing Addendum",
      url: ANTHROPIC_DPA,
      breachNoticeHours: 48,
      transferMechanism: "SCCS",
      note: "The DPA page was not in the stored corpus. Breach window and SCCs come from verbatim quotes in a public vendor register (which dates the DPA 24 Feb 2025) and a summary page; encryption (AES-256 / TLS 1.2+ in Schedule 2) and certifications (SOC 2 Type II, ISO 27001, ISO 42001) were only seen second-hand and are left out.",
      clauses: {
        BREACH_NOTIFICATION: { status: "PRESENT", evidence: "Security Breach notice \"without undue delay, and in any event within 48 hours\" (quoted second-hand; verify)." },
        LOCATION: {
          status: "PARTIAL",
          evidence: "EU SCCs \"deemed to have been executed\", UK Addendum in Schedule 3 (quoted second-hand); default inference geography is global unless inference_geo \"us\" is set.",
        },
      },
    },
  },

  // ── Claude consumer plans ───────────────────────────────────────────────────────────────────
  {
    vendor: ANTHROPIC,
    product: {
      name: "Claude Free, Pro and Max",
      description: "Consumer Claude plans for individuals (claude.ai and Claude Code on those accounts).",
      tier: "CONSUMER",
      deploymentModel: "CLOUD_API",
      processingRegions: [],
      retentionKind: "DAYS",
      retentionDays: 1825,
      zeroRetentionAvailable: false,
      trainingPolicy: "OPT_OUT_AVAILABLE",
      encryptionInTransit: null,
      encryptionAtRest: null,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: ANTHROPIC_DATA_USAGE,
        asPublishedOn: READ_ON,
        note: "\"We will train new models using data from Free, Pro, and Max accounts when this setting is on\"; users choose, and can change the setting at any time.",
      },
      {
        field: "retention",
        url: "https://code.claude.com/docs/zh-CN/data-usage",
        asPublishedOn: READ_ON,
        note: "Consumer users who allow model improvement: 5-year retention; those who do not: 30 days (read in the zh-CN edition of the data-usage page). 1,825 days recorded as the worst case.",
      },
      {
        field: "tier",
        url: ANTHROPIC_ZDR,
        asPublishedOn: READ_ON,
        note: "Anthropic's help centre separates commercial products from consumer plans (Claude Free, Pro, Max). Processing regions and encryption for consumer plans were not found on a vendor page.",
      },
    ],
  },

  // ── Azure OpenAI ────────────────────────────────────────────────────────────────────────────
  {
    vendor: MICROSOFT,
    product: {
      name: "Azure OpenAI in Azure AI Foundry",
      description: "OpenAI models hosted by Microsoft as Azure Direct Models in the customer's Azure subscription and chosen geography.",
      tier: "ENTERPRISE",
      deploymentModel: "PRIVATE_CLOUD",
      processingRegions: ["US", "EU"],
      retentionKind: "UNKNOWN",
      retentionDays: null,
      zeroRetentionAvailable: true,
      trainingPolicy: "NEVER",
      encryptionInTransit: true,
      encryptionAtRest: true,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: AZURE_DATA_PRIVACY,
        asPublishedOn: "2025-10-01",
        note: "Prompts, completions, embeddings and training data \"are NOT available to OpenAI\" and \"are NOT used to train any generative AI foundation models without your permission or instruction\".",
      },
      {
        field: "processingRegions",
        url: AZURE_DATA_PRIVACY,
        asPublishedOn: "2025-10-01",
        note: "Processed within the customer-specified geography (Standard); DataZone keeps processing in the US or the EU; Global deployments may process in any geography. Data at rest stays in the customer-designated geography.",
      },
      {
        field: "zeroRetentionAvailable",
        url: AZURE_DATA_PRIVACY,
        asPublishedOn: "2025-10-01",
        note: "Customers approved for modified abuse monitoring: \"the data storage and human review process described above is not performed\". Stateful features (Responses API, Assistants, batch) still store data.",
      },
      {
        field: "retention",
        url: "https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/abuse-monitoring",
        asPublishedOn: "2025-09-30",
        note: "The current pages describe the abuse-monitoring data store but state no retention period; left UNKNOWN.",
      },
      {
        field: "encryption",
        url: AZURE_DATA_PRIVACY,
        asPublishedOn: "2025-10-01",
        note: "\"transport encryption of TLS1.2 or higher\"; stored data \"always encrypted at rest with Microsoft's AES-256-encryption by default\", customer-managed keys optional.",
      },
      { field: "dpa", url: AZURE_DATA_PRIVACY, asPublishedOn: "2025-10-01", note: "\"Microsoft Products and Services Data Protection Addendum ... governs data processing by Azure Direct Models.\"" },
      {
        field: "dpa",
        url: MICROSOFT_SCCS,
        asPublishedOn: READ_ON,
        note: "Transfer mechanism: \"Microsoft offers customers Model Clauses, referred to as Standard Contractual Clauses\" for in-scope services (Azure listed).",
      },
      { field: "subProcessors", url: MICROSOFT_SUBPROCESSOR_NOTICE, asPublishedOn: READ_ON, note: "Per the DPA, at least six months' notice before a new subprocessor processes Customer Data." },
    ],
    dpa: {
      title: "Microsoft Products and Services Data Protection Addendum (DPA)",
      url: MICROSOFT_DPA,
      breachNoticeHours: null,
      transferMechanism: "SCCS",
      note: "The DPA text itself was not read; clauses below rest on Microsoft pages that describe it. Breach-notice deadline not found.",
      clauses: {
        SUBPROCESSORS: {
          status: "PRESENT",
          evidence: "Microsoft Learn (subprocessor management): per the DPA, notice \"at least six months in advance of any new subprocessor who will process Customer Data\"; 30 days for other Personal Data.",
        },
        LOCATION: {
          status: "PRESENT",
          evidence: "Azure data-privacy page: processing in the customer-specified geography (except Global/DataZone); Microsoft offers EU Standard Contractual Clauses for in-scope services incl. Azure under the DPA.",
        },
      },
    },
  },

  // ── Microsoft 365 Copilot ───────────────────────────────────────────────────────────────────
  {
    vendor: MICROSOFT,
    product: {
      name: "Microsoft 365 Copilot",
      description: "Copilot in Microsoft 365 apps for work accounts, grounded in the tenant's Microsoft Graph content.",
      tier: "ENTERPRISE",
      deploymentModel: "CLOUD_API",
      processingRegions: ["EU"],
      retentionKind: "UNKNOWN",
      retentionDays: null,
      zeroRetentionAvailable: false,
      trainingPolicy: "NEVER",
      encryptionInTransit: true,
      encryptionAtRest: true,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: M365_COPILOT_PRIVACY,
        asPublishedOn: READ_ON,
        note: "\"Prompts, responses, and data accessed through Microsoft Graph aren't used to train foundation LLMs, including those used by Microsoft 365 Copilot.\"",
      },
      {
        field: "processingRegions",
        url: M365_COPILOT_PRIVACY,
        asPublishedOn: READ_ON,
        note: "Compliant with Microsoft 365 commercial commitments \"including ... GDPR and European Union (EU) Data Boundary\". Other tenants' locations were not confirmed on a vendor page.",
      },
      {
        field: "retention",
        url: M365_COPILOT_EDP,
        asPublishedOn: READ_ON,
        note: "Copilot \"applies your retention policies\": retention follows the tenant's own Microsoft 365 policies; no vendor-fixed period stated.",
      },
      { field: "encryption", url: M365_COPILOT_EDP, asPublishedOn: READ_ON, note: "\"We help protect your data with encryption at rest and in transit, rigorous physical security controls, and data isolation between tenants.\"" },
      {
        field: "dpa",
        url: M365_COPILOT_EDP,
        asPublishedOn: READ_ON,
        note: "\"covered by the terms of the Data Protection Addendum (DPA) and Product Terms, with Microsoft acting as a data processor.\"",
      },
      {
        field: "dpa",
        url: MICROSOFT_SCCS,
        asPublishedOn: READ_ON,
        note: "Transfer mechanism: \"Microsoft offers customers Model Clauses, referred to as Standard Contractual Clauses\" for in-scope services; the in-scope list read names Azure, Dynamics 365 and Intune — Microsoft 365 Copilot was not confirmed.",
      },
    ],
    dpa: {
      title: "Microsoft Products and Services Data Protection Addendum (DPA)",
      url: MICROSOFT_DPA,
      breachNoticeHours: null,
      transferMechanism: "SCCS",
      note: "The DPA text itself was not read; clauses below rest on Microsoft pages that describe it. Breach-notice deadline not found.",
      clauses: {
        DATA_OWNERSHIP: { status: "PRESENT", evidence: "Enterprise data protection page: covered by the DPA and Product Terms \"with Microsoft acting as a data processor\"." },
        PURPOSE: { status: "PRESENT", evidence: "Enterprise data protection page: \"We won't use your data except as you instruct.\"" },
        SECURITY_MEASURES: {
          status: "PARTIAL",
          evidence: "\"encryption at rest and in transit, rigorous physical security controls, and data isolation between tenants\" — protocol and cipher versions not stated.",
        },
        SUBPROCESSORS: { status: "PRESENT", evidence: "Per the DPA, at least six months' notice before a new subprocessor processes Customer Data (Microsoft Learn)." },
        LOCATION: { status: "PARTIAL", evidence: "EU Data Boundary commitment. Microsoft offers EU SCCs under its DPA for in-scope services, but Microsoft 365 Copilot was not confirmed in that scope; non-EU processing locations not stated on the pages read." },
      },
    },
  },

  // ── Amazon Bedrock ──────────────────────────────────────────────────────────────────────────
  {
    vendor: AWS,
    product: {
      name: "Amazon Bedrock",
      description: "Foundation models from several providers (Anthropic, Meta, Mistral, Amazon and others) as a managed service in the customer's chosen AWS Region.",
      tier: "ENTERPRISE",
      deploymentModel: "PRIVATE_CLOUD",
      processingRegions: ["US", "CA", "EU", "UK", "APAC"],
      retentionKind: "DAYS",
      retentionDays: 30,
      zeroRetentionAvailable: true,
      trainingPolicy: "NEVER",
      encryptionInTransit: true,
      encryptionAtRest: true,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: BEDROCK_DATA_PROTECTION,
        asPublishedOn: READ_ON,
        note: "\"Amazon Bedrock doesn't use your prompts and completions to train any AWS models and doesn't distribute them to third parties.\" (sentence read in verbatim quotes of this page; the stored copy was read only in part)",
      },
      {
        field: "trainingPolicy",
        url: BEDROCK_DATA_RETENTION,
        asPublishedOn: READ_ON,
        note: "Under the default retention mode AWS may retain data for safety and abuse prevention; \"The model provider does not receive it.\"",
      },
      {
        field: "retention",
        url: BEDROCK_DATA_RETENTION,
        asPublishedOn: READ_ON,
        note: "Retention is a per-Region mode: \"none\" (zero data retention) or \"default\" (the model's own policy applies). 30 days recorded as the upper bound AWS gives for models that retain flagged traffic (seen quoted from AWS's abuse-detection page).",
      },
      {
        field: "zeroRetentionAvailable",
        url: BEDROCK_DATA_RETENTION,
        asPublishedOn: READ_ON,
        note: "data_retention_mode \"none\": \"No request or response data is written to durable storage by AWS or shared with the model provider.\" Models that require retention are then blocked.",
      },
      {
        field: "processingRegions",
        url: "https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-regions.html",
        asPublishedOn: READ_ON,
        note: "Offered in US (N. Virginia, Oregon), Canada, Europe (Frankfurt, Ireland, London, Paris), Asia Pacific (Mumbai, Singapore, Sydney, Tokyo) and São Paulo; the customer picks the Region.",
      },
      {
        field: "encryption",
        url: "https://docs.aws.amazon.com/bedrock/latest/userguide/data-encryption.html",
        asPublishedOn: READ_ON,
        note: "\"Amazon Bedrock uses encryption to protect data at rest and data in transit\"; API requests over TLS (data-protection page: \"We require TLS 1.2\").",
      },
      { field: "dpa", url: BEDROCK_DATA_PROTECTION, asPublishedOn: READ_ON, note: "Points to AWS's GDPR Center for data protection in Europe, where the AWS GDPR Data Processing Addendum is offered." },
    ],
    dpa: {
      title: "AWS GDPR Data Processing Addendum",
      url: AWS_GDPR_CENTER,
      breachNoticeHours: null,
      transferMechanism: "SCCS",
      note: "Read only in third-party copies of the AWS DPA text, not on an AWS-hosted page; breach-notice deadline not checked.",
      clauses: {
        DATA_OWNERSHIP: { status: "PRESENT", evidence: "§1.1: \"AWS will act as processor to Customer, who can act either as controller or processor of Customer Data.\"" },
        PURPOSE: { status: "PRESENT", evidence: "§1.3.3: \"The purpose of the data processing under this DPA is the provision of the Services initiated by Customer from time to time.\"" },
        LOCATION: { status: "PARTIAL", evidence: "§1.2 refers to \"Customer Data transferred under the Standard Contractual Clauses\"; the Region is chosen by the customer." },
      },
    },
  },

  // ── Gemini on Vertex AI ─────────────────────────────────────────────────────────────────────
  {
    vendor: GOOGLE,
    product: {
      name: "Gemini on Vertex AI",
      description: "Gemini models through Google Cloud's Vertex AI (Gemini Enterprise Agent Platform), under the Google Cloud terms.",
      tier: "ENTERPRISE",
      deploymentModel: "CLOUD_API",
      processingRegions: ["US", "EU", "CA"],
      retentionKind: "UNKNOWN",
      retentionDays: null,
      zeroRetentionAvailable: true,
      trainingPolicy: "NEVER",
      encryptionInTransit: null,
      encryptionAtRest: true,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: VERTEX_ZDR,
        asPublishedOn: READ_ON,
        note: "\"Google won't use your data to train or fine-tune any AI/ML models without your prior permission or instruction\" (Service Specific Terms, Training Restriction).",
      },
      {
        field: "zeroRetentionAvailable",
        url: VERTEX_ZDR,
        asPublishedOn: READ_ON,
        note: "Customer data is retained \"for limited periods of time\" (e.g. prompt logging for abuse monitoring); zero data retention needs specific customer actions in each area.",
      },
      { field: "retention", url: VERTEX_ZDR, asPublishedOn: READ_ON, note: "No single retention period stated on the page read; left UNKNOWN." },
      {
        field: "processingRegions",
        url: VERTEX_RESIDENCY,
        asPublishedOn: READ_ON,
        note: "ML processing \"occurs within the specific region or multi-region where the request is made\" (US and EU multi-regions, Canada and others listed); the global endpoint gives no residency guarantee.",
      },
      {
        field: "encryption",
        url: "https://cloud.google.com/vertex-ai/generative-ai/docs/genai-security-controls",
        asPublishedOn: READ_ON,
        note: "Customer-managed encryption keys (CMEK) listed for online and batch prediction, tuning and context caching; CDPA §7.1.1 security measures \"include measures to encrypt personal data\". In-transit encryption not found on a page read.",
      },
      { field: "dpa", url: VERTEX_ZDR, asPublishedOn: READ_ON, note: "Points to Google's Cloud Data Processing Addendum (CDPA) for how Google processes data." },
      { field: "breachNotice", url: GOOGLE_CDPA, asPublishedOn: "2024-05-23", note: "§7.2.1 \"promptly and without undue delay\" — no fixed number of hours." },
      { field: "certifications", url: GOOGLE_CDPA, asPublishedOn: "2024-05-23", note: "§7.4: Google will maintain at least the ISO 27001 Certification and the SOC 2 Report." },
    ],
    dpa: {
      title: "Google Cloud Data Processing Addendum (Customers)",
      url: GOOGLE_CDPA,
      breachNoticeHours: null,
      transferMechanism: "SCCS",
      note: "Google-hosted copy dated \"Last modified: May 23, 2024\" was seen only in its opening; section text below was read in a public copy whose §7.2.1 wording matches quotes of cloud.google.com. Verify against the current CDPA.",
      clauses: {
        PURPOSE: { status: "PRESENT", evidence: "§5.2.1: Google processes Customer Personal Data only to provide, secure and monitor the Services and as otherwise instructed (\"the Instructions\")." },
        DATA_OWNERSHIP: { status: "PRESENT", evidence: "§5.1.1: \"Google is a processor of that Customer Personal Data\"; Customer is controller or processor." },
        RETENTION: { status: "PARTIAL", evidence: "§6.1: customer deletions honoured \"within a maximum period of 180 days\"; product-level log retention is in product docs, not the CDPA." },
        DELETION_RETURN: {
          status: "PRESENT",
          evidence: "§6.2: data may be returned during the Term; remaining data deleted after a recovery period of up to 30 days, \"within a maximum period of 180 days\".",
        },
        SECURITY_MEASURES: { status: "PRESENT", evidence: "§7.1.1 and Appendix 2: technical, organizational and physical measures, including encryption of personal data." },
        BREACH_NOTIFICATION: { status: "PARTIAL", evidence: "§7.2.1: \"Google will notify Customer promptly and without undue delay after becoming aware of a Data Incident\" — no fixed deadline." },
        AUDIT_RIGHTS: { status: "PRESENT", evidence: "§7.5.1–7.5.2: ISO 27001 certificate and SOC 2 report for review; audits by the customer or an independent auditor where European law applies." },
        SUBPROCESSORS: { status: "PRESENT", evidence: "§11: information about Subprocessors and an opportunity to object to Subprocessor changes (§11.4)." },
        LOCATION: { status: "PARTIAL", evidence: "§10.2 Restricted European Transfers: Customer SCCs apply to restricted transfers; processing location depends on the region or endpoint chosen." },
      },
    },
    certifications: [
      { type: "ISO_27001", name: "ISO 27001 Certification", issuer: "Google's third-party auditor", scope: "Google Cloud services (CDPA §7.4)", url: GOOGLE_CDPA },
      { type: "OTHER", name: "SOC 2 Report (Type not stated in the CDPA)", scope: "Google Cloud services (CDPA §7.4)", url: GOOGLE_CDPA },
    ],
  },
];
