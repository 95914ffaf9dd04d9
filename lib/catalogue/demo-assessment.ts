/**
 * The demo organisation's one submitted assessment, so a compliance officer signing in for the
 * first time has a review waiting. The answers are the demo MSP's, for Azure OpenAI in Azure AI
 * Foundry: where the catalogue records a fact, the answer follows it; where it does not, the
 * answer's comment says what to check. SAMPLE DATA: verify against Microsoft's current documents.
 */
export const DEMO_ASSESSMENT_PRODUCT = "Microsoft — Azure OpenAI in Azure AI Foundry";

export const DEMO_ASSESSMENT_ANSWERS: Array<{ questionKey: string; value: unknown; comment?: string }> = [
  // Training and use of data
  { questionKey: "trains_on_customer_data", value: "no", comment: "Azure data-privacy page: prompts and completions are not used to train foundation models." },
  { questionKey: "training_opt_out", value: "yes" },
  { questionKey: "purpose_limited", value: "yes" },
  { questionKey: "human_review_disclosed", value: "yes", comment: "Abuse monitoring describes when prompts may be reviewed by authorised Microsoft staff." },
  { questionKey: "data_shared_third_parties", value: "no", comment: "Not available to OpenAI, per the data-privacy page." },
  // Data location and residency
  { questionKey: "processing_regions", value: ["US", "EU"], comment: "Standard deployments stay in the chosen geography; avoid Global deployments." },
  { questionKey: "region_pinning", value: "yes" },
  { questionKey: "transfer_mechanism", value: "SCCS" },
  // Security controls
  { questionKey: "encryption_in_transit", value: "yes" },
  { questionKey: "encryption_at_rest", value: "yes" },
  { questionKey: "soc2_type2", value: "yes", comment: "Obtain the current Azure SOC 2 Type II report from the Service Trust Portal and attach it." },
  { questionKey: "iso27001", value: "yes", comment: "Attach the current Azure ISO/IEC 27001 certificate." },
  { questionKey: "console_mfa", value: "yes", comment: "Entra ID conditional access enforces MFA for the subscription's admins." },
  { questionKey: "tenant_isolation", value: "yes" },
  { questionKey: "staff_access_controlled", value: "yes" },
  // Retention and deletion
  { questionKey: "retention_days", value: 30, comment: "Abuse-monitoring store. The current page states no period: confirm with Microsoft before relying on 30 days." },
  { questionKey: "zero_retention", value: "yes", comment: "Modified abuse monitoring, on approval by Microsoft." },
  { questionKey: "deletion_on_request", value: "yes" },
  { questionKey: "logs_contain_personal_data", value: "yes", comment: "Until modified abuse monitoring is approved." },
  { questionKey: "logs_used_for", value: ["abuse_monitoring"] },
  // Sub-processors and incidents
  { questionKey: "subprocessor_list_published", value: "yes" },
  { questionKey: "subprocessor_change_notice", value: "yes", comment: "Six months' notice for new subprocessors of Customer Data, per the DPA." },
  { questionKey: "breach_notice_hours", value: 72, comment: "The DPA's deadline was not found in the pages read; 72 hours is GDPR's outer limit. Check the DPA text." },
  { questionKey: "incident_response_plan", value: "yes" },
  // Contract and DPA
  { questionKey: "dpa_signed", value: "no", comment: "The Microsoft DPA applies through the subscription; no countersigned copy is on file yet." },
  { questionKey: "data_ownership", value: "yes" },
  { questionKey: "audit_rights", value: "yes" },
  { questionKey: "baa_available", value: "yes" },
  // Operations and exit
  { questionKey: "api_keys_in_vault", value: "yes" },
  { questionKey: "rate_limiting", value: "yes" },
  { questionKey: "data_minimisation", value: "yes" },
  { questionKey: "redaction_supported", value: "no", comment: "No DLP in front of the API yet." },
  { questionKey: "export_available", value: "yes" },
  { questionKey: "additional_notes", value: "Demo assessment filled by the first-run seed. Sample data: verify every answer against Microsoft's current documents." },
];
