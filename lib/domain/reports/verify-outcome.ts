/**
 * What the public verify page answers, as plain data: the form (components) and the action (app)
 * both use it, so it lives below both.
 */
export type PublicVerifyOutcome =
  | { result: "GENUINE"; matched: string; report: { id: string; kind: string; title: string; createdAt: string; contentSha256: string; organizationName: string } }
  | { result: "ALTERED"; claimedId: string }
  | { result: "UNKNOWN" };

export type VerifyState = { ok: true; outcome: PublicVerifyOutcome } | { ok: false; error: string; fieldErrors?: Record<string, string> };
