/**
 * The demo organisation's catalogue: real AI products as their vendors publish them, each fact
 * with the public page it comes from. SAMPLE DATA: vendors change these terms; every entry is
 * marked to verify against the vendor's current documents before anyone relies on it.
 * "asPublishedOn" is the page's own date where it states one, else the date it was read.
 */
export type CatalogueEntry = {
  vendor: { name: string; website: string; description: string };
  product: {
    name: string;
    description: string;
    tier: "CONSUMER" | "BUSINESS" | "ENTERPRISE";
    deploymentModel: "CLOUD_API" | "PRIVATE_CLOUD" | "ON_PREMISE";
    processingRegions: string[];
    retentionKind: "DAYS" | "UNLIMITED" | "UNKNOWN";
    retentionDays: number | null;
    zeroRetentionAvailable: boolean;
    trainingPolicy: "NEVER" | "OPT_OUT_AVAILABLE" | "YES_NO_OPT_OUT" | "UNKNOWN";
    encryptionInTransit: boolean | null;
    encryptionAtRest: boolean | null;
  };
  sources: Array<{ field: string; url: string; asPublishedOn: string; note: string }>;
};

export const CATALOGUE_DISCLAIMER =
  "Sample data drawn from vendors' public pages on the dates shown. Verify every fact against the vendor's current documents before relying on it.";

const READ_ON = "2026-11-23";

const OPENAI = { name: "OpenAI", website: "https://openai.com", description: "Maker of the GPT models, ChatGPT and the OpenAI API." };
const ANTHROPIC = { name: "Anthropic", website: "https://www.anthropic.com", description: "Maker of the Claude models, the Claude apps and the Claude API." };
const MICROSOFT = { name: "Microsoft", website: "https://www.microsoft.com", description: "Azure OpenAI in Azure AI Foundry and Microsoft 365 Copilot." };
const AWS = { name: "Amazon Web Services", website: "https://aws.amazon.com", description: "Amazon Bedrock: foundation models as a managed AWS service." };
const GOOGLE = { name: "Google Cloud", website: "https://cloud.google.com", description: "Gemini models on Vertex AI." };

export const AI_PRODUCT_CATALOGUE: CatalogueEntry[] = [
  {
    vendor: OPENAI,
    product: {
      name: "OpenAI API",
      description: "Business API access to OpenAI models (platform.openai.com).",
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
      { field: "trainingPolicy", url: "https://openai.com/enterprise-privacy/", asPublishedOn: READ_ON, note: "By default, business data from the API is not used to train models." },
      { field: "retention", url: "https://platform.openai.com/docs/guides/your-data", asPublishedOn: READ_ON, note: "Abuse-monitoring logs kept up to 30 days; zero data retention for eligible endpoints on approval." },
      { field: "processingRegions", url: "https://openai.com/index/introducing-data-residency-in-europe/", asPublishedOn: READ_ON, note: "Data residency in Europe offered for eligible API customers." },
      { field: "encryption", url: "https://openai.com/enterprise-privacy/", asPublishedOn: READ_ON, note: "AES-256 at rest, TLS 1.2+ in transit." },
      { field: "dpa", url: "https://openai.com/policies/data-processing-addendum/", asPublishedOn: READ_ON, note: "Data Processing Addendum for API and business customers." },
    ],
  },
  {
    vendor: OPENAI,
    product: {
      name: "ChatGPT Free and Plus",
      description: "Consumer ChatGPT plans for individuals.",
      tier: "CONSUMER",
      deploymentModel: "CLOUD_API",
      processingRegions: ["US"],
      retentionKind: "UNLIMITED",
      retentionDays: null,
      zeroRetentionAvailable: false,
      trainingPolicy: "OPT_OUT_AVAILABLE",
      encryptionInTransit: true,
      encryptionAtRest: true,
    },
    sources: [
      { field: "trainingPolicy", url: "https://help.openai.com/en/articles/7730893-data-controls-faq", asPublishedOn: READ_ON, note: "Conversations may be used to improve models unless the user turns off \"Improve the model for everyone\"." },
      { field: "retention", url: "https://help.openai.com/en/articles/7730893-data-controls-faq", asPublishedOn: READ_ON, note: "Chats stay in history until the user deletes them; no fixed retention period." },
      { field: "dpa", url: "https://openai.com/policies/privacy-policy/", asPublishedOn: READ_ON, note: "Consumer privacy policy only; the business DPA does not cover consumer plans." },
    ],
  },
  {
    vendor: ANTHROPIC,
    product: {
      name: "Claude API",
      description: "Commercial API access to Claude models (also via Amazon Bedrock and Vertex AI).",
      tier: "BUSINESS",
      deploymentModel: "CLOUD_API",
      processingRegions: ["US"],
      retentionKind: "DAYS",
      retentionDays: 30,
      zeroRetentionAvailable: true,
      trainingPolicy: "NEVER",
      encryptionInTransit: true,
      encryptionAtRest: true,
    },
    sources: [
      { field: "trainingPolicy", url: "https://www.anthropic.com/news/updates-to-our-consumer-terms", asPublishedOn: "2025-08-28", note: "The consumer-terms change does not apply to commercial services, including API use." },
      { field: "retention", url: "https://privacy.anthropic.com/", asPublishedOn: READ_ON, note: "API inputs and outputs deleted within 30 days by default; zero data retention by agreement." },
      { field: "certifications", url: "https://trust.anthropic.com/", asPublishedOn: READ_ON, note: "Trust center lists SOC 2 Type II, ISO 27001 and ISO 42001." },
    ],
  },
  {
    vendor: ANTHROPIC,
    product: {
      name: "Claude Free, Pro and Max",
      description: "Consumer Claude apps for individuals.",
      tier: "CONSUMER",
      deploymentModel: "CLOUD_API",
      processingRegions: ["US"],
      retentionKind: "DAYS",
      retentionDays: 1825,
      zeroRetentionAvailable: false,
      trainingPolicy: "OPT_OUT_AVAILABLE",
      encryptionInTransit: true,
      encryptionAtRest: null,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: "https://www.anthropic.com/news/updates-to-our-consumer-terms",
        asPublishedOn: "2025-08-28",
        note: "Chats and coding sessions may be used for training unless the user turns off \"Help improve Claude\".",
      },
      { field: "retention", url: "https://www.anthropic.com/news/updates-to-our-consumer-terms", asPublishedOn: "2025-08-28", note: "Up to five years when training is allowed; 30 days otherwise." },
    ],
  },
  {
    vendor: MICROSOFT,
    product: {
      name: "Azure OpenAI in Azure AI Foundry",
      description: "OpenAI models hosted in the customer's Azure subscription and region.",
      tier: "ENTERPRISE",
      deploymentModel: "PRIVATE_CLOUD",
      processingRegions: ["EU", "US", "UK"],
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
        url: "https://learn.microsoft.com/en-us/legal/cognitive-services/openai/data-privacy",
        asPublishedOn: READ_ON,
        note: "Prompts and completions are not available to OpenAI and are not used to train models.",
      },
      { field: "retention", url: "https://learn.microsoft.com/en-us/legal/cognitive-services/openai/data-privacy", asPublishedOn: READ_ON, note: "Abuse-monitoring data up to 30 days; modified abuse monitoring on approval." },
      { field: "processingRegions", url: "https://learn.microsoft.com/en-us/legal/cognitive-services/openai/data-privacy", asPublishedOn: READ_ON, note: "Data stays in the geography of the resource, except for global deployments." },
      { field: "dpa", url: "https://www.microsoft.com/licensing/docs/view/Microsoft-Products-and-Services-Data-Protection-Addendum-DPA", asPublishedOn: READ_ON, note: "Microsoft Products and Services DPA." },
    ],
  },
  {
    vendor: MICROSOFT,
    product: {
      name: "Microsoft 365 Copilot",
      description: "Copilot in Microsoft 365 apps for work accounts.",
      tier: "ENTERPRISE",
      deploymentModel: "CLOUD_API",
      processingRegions: ["EU", "US"],
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
        url: "https://learn.microsoft.com/en-us/copilot/microsoft-365/microsoft-365-copilot-privacy",
        asPublishedOn: READ_ON,
        note: "Prompts, responses and Graph data are not used to train foundation models.",
      },
      { field: "processingRegions", url: "https://learn.microsoft.com/en-us/copilot/microsoft-365/microsoft-365-copilot-privacy", asPublishedOn: READ_ON, note: "Covered by the EU Data Boundary for EU customers." },
    ],
  },
  {
    vendor: AWS,
    product: {
      name: "Amazon Bedrock",
      description: "Foundation models from several providers as a managed service in the customer's AWS region.",
      tier: "ENTERPRISE",
      deploymentModel: "PRIVATE_CLOUD",
      processingRegions: ["US", "EU", "UK", "APAC"],
      retentionKind: "DAYS",
      retentionDays: 0,
      zeroRetentionAvailable: true,
      trainingPolicy: "NEVER",
      encryptionInTransit: true,
      encryptionAtRest: true,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: "https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html",
        asPublishedOn: READ_ON,
        note: "Prompts and completions are not used to train AWS or third-party models and are not shared with model providers.",
      },
      { field: "retention", url: "https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html", asPublishedOn: READ_ON, note: "Bedrock does not store or log prompts and completions." },
      { field: "processingRegions", url: "https://aws.amazon.com/bedrock/faqs/", asPublishedOn: READ_ON, note: "Data stays in the AWS region where the API is used (cross-region inference is opt-in)." },
    ],
  },
  {
    vendor: GOOGLE,
    product: {
      name: "Gemini on Vertex AI",
      description: "Gemini models through Google Cloud's Vertex AI.",
      tier: "ENTERPRISE",
      deploymentModel: "CLOUD_API",
      processingRegions: ["US", "EU", "APAC"],
      retentionKind: "DAYS",
      retentionDays: 1,
      zeroRetentionAvailable: true,
      trainingPolicy: "NEVER",
      encryptionInTransit: true,
      encryptionAtRest: true,
    },
    sources: [
      {
        field: "trainingPolicy",
        url: "https://cloud.google.com/vertex-ai/generative-ai/docs/data-governance",
        asPublishedOn: READ_ON,
        note: "Google does not use customer data to train its models without permission.",
      },
      { field: "retention", url: "https://cloud.google.com/vertex-ai/generative-ai/docs/data-governance", asPublishedOn: READ_ON, note: "Inputs cached up to 24 hours; caching can be disabled for zero data retention." },
    ],
  },
];
