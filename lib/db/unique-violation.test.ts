import { beforeAll, describe, expect, it } from "vitest";
import { describeFailure } from "@/lib/http/failure";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { setScoringWeights } from "./scoring-weights";
import { prisma } from "./prisma-client";
import { uniqueViolationFields } from "./unique-violation";
import { createMember } from "./users";

let org: TestOrganization;

beforeAll(async () => {
  org = await createTestOrganization("Unique races");
});

/** Every outcome of a burst, as the wrappers in lib/http would answer it. */
async function burst<T>(n: number, run: () => Promise<T>) {
  const settled = await Promise.allSettled(Array.from({ length: n }, run));
  return {
    ok: settled.filter((s) => s.status === "fulfilled").length,
    failures: settled.flatMap((s) => (s.status === "rejected" ? [describeFailure(s.reason)] : [])),
  };
}

describe("two saves of the same unique value at once", () => {
  it("the same e-mail 40 times: one user, every other save a 409 naming the email field", async () => {
    const email = `race-${Date.now()}@test.example`;
    const { ok, failures } = await burst(40, () => createMember(org.as.ADMIN, { email, name: "Race", role: "ACCOUNT_MANAGER", passwordHash: "x" }));
    expect(ok).toBe(1);
    expect(failures).toHaveLength(39);
    expect(failures.filter((f) => f.status !== 409 || !f.fieldErrors?.email || f.requestId)).toEqual([]);
  });

  it("a collision no function catches by hand is still a 409 that names the field", async () => {
    const name = `Dup ${Date.now()}`;
    await prisma.client.create({ data: { organizationId: org.organizationId, name } });
    const error = await prisma.client.create({ data: { organizationId: org.organizationId, name } }).catch((e: unknown) => e);
    expect(uniqueViolationFields(error)).toEqual(["name"]);
    expect(describeFailure(error)).toMatchObject({ status: 409, message: expect.stringMatching(/^name: already in use/), fieldErrors: { name: "Already in use." } });
    expect(uniqueViolationFields(new Error("something else"))).toBeNull();
  });

  it("two admins saving weights at once: no 500, the loser hears of a conflict", async () => {
    const { ok, failures } = await burst(40, () => setScoringWeights(org.as.ADMIN, { dpa: 40, questionnaire: 40, certifications: 20 }));
    expect(ok).toBeGreaterThanOrEqual(1);
    expect(ok + failures.length).toBe(40);
    expect(failures.filter((f) => f.status !== 409 || !/version: already in use/.test(f.message))).toEqual([]);
  });
});
