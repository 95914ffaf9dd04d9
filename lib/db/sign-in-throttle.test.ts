import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { accountKey, clearFailures, ipKey, lockedUntil, recordFailure, takeVerifyAttempt, THROTTLE, VERIFY_LIMIT } from "./sign-in-throttle";

const fresh = () => accountKey(`${randomBytes(6).toString("hex")}@test.example`);

describe("sign-in throttle", () => {
  it("locks an account after its limit of failures inside the window", async () => {
    const key = fresh();
    const now = new Date();
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) await recordFailure([{ key, limit: THROTTLE.accountLimit }], now);
    expect(await lockedUntil([key], now)).toBeNull();
    await recordFailure([{ key, limit: THROTTLE.accountLimit }], now);
    const until = await lockedUntil([key], now);
    expect(until?.getTime()).toBe(now.getTime() + THROTTLE.lockMs);
    // The lock ends on its own.
    expect(await lockedUntil([key], new Date(now.getTime() + THROTTLE.lockMs + 1))).toBeNull();
  });

  it("restarts the count when the window has passed", async () => {
    const key = fresh();
    const start = new Date();
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) await recordFailure([{ key, limit: THROTTLE.accountLimit }], start);
    const later = new Date(start.getTime() + THROTTLE.windowMs + 1000);
    await recordFailure([{ key, limit: THROTTLE.accountLimit }], later);
    expect(await lockedUntil([key], later)).toBeNull();
  });

  it("counts per IP independently and is cleared by a success", async () => {
    const account = fresh();
    const ip = ipKey(`10.0.0.${Math.floor(Math.random() * 250)}-${randomBytes(3).toString("hex")}`);
    const now = new Date();
    await Promise.all(Array.from({ length: THROTTLE.ipLimit }, () => recordFailure([{ key: ip, limit: THROTTLE.ipLimit }], now)));
    expect(await lockedUntil([account, ip], now)).not.toBeNull();
    expect(await lockedUntil([account], now)).toBeNull();
    await clearFailures(ip);
    expect(await lockedUntil([ip], now)).toBeNull();
  });

  it("lets an address make VERIFY_LIMIT public report checks in the window, then refuses until the lock ends", async () => {
    const ip = `203.0.113.${randomBytes(1)[0]}-${randomBytes(4).toString("hex")}`;
    const now = new Date();
    for (let i = 0; i < VERIFY_LIMIT; i++) expect(await takeVerifyAttempt(ip, now)).toBeNull();
    const until = await takeVerifyAttempt(ip, now);
    expect(until?.getTime()).toBe(now.getTime() + THROTTLE.lockMs);
    // Another address is unaffected, and the lock ends on its own.
    expect(await takeVerifyAttempt(`${ip}-other`, now)).toBeNull();
    expect(await takeVerifyAttempt(ip, new Date(now.getTime() + THROTTLE.lockMs + 1))).toBeNull();
  });
});
