/**
 * Bursts against the sign-in limit, through the same function next-auth's authorize() calls:
 * 40 requests at once must not get more than the limit's worth of passwords checked, and once the
 * limit is hit even the right password is refused.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/sign-in";
import { createTestOrganization, TEST_PASSWORD, type TestOrganization } from "@/lib/testing/fixtures";
import { THROTTLE } from "./sign-in-throttle";

const headersFrom = (ip: string) => ({ "x-vetta-client-ip": ip });
const freshIp = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(4).toString("hex")}`;

type Outcome = "SIGNED_IN" | "WRONG" | string;
async function attempt(email: string, password: string, ip: string): Promise<Outcome> {
  try {
    return (await authorizeCredentials({ email, password }, headersFrom(ip))) ? "SIGNED_IN" : "WRONG";
  } catch (error) {
    return (error as Error).message;
  }
}

const tally = (outcomes: Outcome[]) => outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});

let org: TestOrganization;
beforeAll(async () => {
  org = await createTestOrganization("Sign-in burst");
});

describe("sign-in limits under a burst", () => {
  it("40 wrong passwords at once for one account: 5 checked, 35 refused, then the right password is refused too", async () => {
    const email = org.emails.ACCOUNT_MANAGER;
    // Each from its own address, so only the account's limit is in play.
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(email, `wrong password ${i}`, freshIp())));
    expect(tally(outcomes)).toEqual({ WRONG: THROTTLE.accountLimit, TooManyAttempts: 40 - THROTTLE.accountLimit });
    expect(await attempt(email, TEST_PASSWORD, freshIp())).toBe("TooManyAttempts");
  });

  it("40 attempts at once from one address across accounts: 20 checked, then that address is refused even with a right password", async () => {
    const ip = freshIp();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`nobody-${i}-${randomBytes(3).toString("hex")}@test.example`, "wrong password", ip)));
    expect(tally(outcomes)).toEqual({ WRONG: THROTTLE.ipLimit, TooManyAttempts: 40 - THROTTLE.ipLimit });
    expect(await attempt(org.emails.COMPLIANCE_OFFICER, TEST_PASSWORD, ip)).toBe("TooManyAttempts");
  });

  it("the right password inside the limit signs in, opens a server-side session and clears the account's count", async () => {
    const email = org.emails.ADMIN;
    const ip = freshIp();
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) expect(await attempt(email, `nope ${i}`, ip)).toBe("WRONG");
    const user = await authorizeCredentials({ email, password: TEST_PASSWORD }, headersFrom(ip));
    expect(user).toMatchObject({ id: org.as.ADMIN.userId, organizationId: org.organizationId });
    expect(user?.sessionId).toEqual(expect.any(String));
    // The count started again: another limit's worth of wrong passwords are checked.
    const outcomes = await Promise.all(Array.from({ length: THROTTLE.accountLimit }, () => attempt(email, "still wrong", freshIp())));
    expect(tally(outcomes)).toEqual({ WRONG: THROTTLE.accountLimit });
  });
});
