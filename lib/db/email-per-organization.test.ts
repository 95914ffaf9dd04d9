/**
 * A tenant admin must not learn that an address has an account in another organisation: adding it
 * behaves exactly as for a new address, and sign-in opens the account whose password matches.
 */
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { authorizeCredentials } from "@/lib/auth/sign-in";
import { createTestOrganization, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { createMember } from "./users";

let ip = 0;
// Addresses of this file only: files run side by side and the per-IP limit is shared.
const RUN = Math.random().toString(36).slice(2, 8);
const signIn = (email: string, password: string) => authorizeCredentials({ email, password }, { "x-vetta-client-ip": `192.0.2.${++ip}-em-${RUN}` });

describe("e-mail addresses are unique per organisation", () => {
  it("another organisation's admin adds the same address without learning it exists; each password opens its own account", async () => {
    const [a, b] = await Promise.all([createTestOrganization("Email A"), createTestOrganization("Email B")]);
    const shared = a.emails.ACCOUNT_MANAGER;
    const otherPassword = "lighthouse keeper on sunday";

    const created = await createMember(b.as.ADMIN, { email: shared.toUpperCase(), name: "Same Address", role: "COMPLIANCE_OFFICER", passwordHash: await hashPassword(otherPassword) });
    expect(created.email).toBe(shared);
    expect(created.id).not.toBe(a.as.ACCOUNT_MANAGER.userId);

    // Inside one organisation the address is still unique, and the field says so.
    await expect(createMember(b.as.ADMIN, { email: shared, name: "Again", role: "COMPLIANCE_OFFICER", passwordHash: "x" })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: "This email is already in use." } });
    await expect(createMember(a.as.ADMIN, { email: shared, name: "Again", role: "COMPLIANCE_OFFICER", passwordHash: "x" })).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await signIn(shared, TEST_PASSWORD)).toMatchObject({ id: a.as.ACCOUNT_MANAGER.userId, organizationId: a.organizationId });
    expect(await signIn(shared, otherPassword)).toMatchObject({ id: created.id, organizationId: b.organizationId });
    expect(await signIn(shared, "neither of the two passwords")).toBeNull();
  });
});
