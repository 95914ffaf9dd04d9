import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { accountKey, clearFailures, ipKey, lockedUntil, refundAttempt, takeAttempt, takeVerifyAttempt, THROTTLE, VERIFY_LIMIT } from "./sign-in-throttle";

const fresh = () => accountKey(`${randomBytes(6).toString("hex")}@test.example`);
const account = (key: string) => ({ key, limit: THROTTLE.accountLimit });

describe("attempt limits", () => {
  it("lets the limit's worth of attempts through, locks at the limit, and refuses after it until the lock ends", async () => {
    const key = fresh();
    const now = new Date();
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) expect(await takeAttempt([account(key)], now)).toEqual({ allowed: true });
    expect(await lockedUntil([key], now)).toBeNull();
    expect(await takeAttempt([account(key)], now)).toEqual({ allowed: true });
    const until = await lockedUntil([key], now);
    expect(until?.getTime()).toBe(now.getTime() + THROTTLE.lockMs);
    expect(await takeAttempt([account(key)], now)).toEqual({ allowed: false, lockedUntil: until });
    // The lock ends on its own, and the count starts again.
    const later = new Date(now.getTime() + THROTTLE.lockMs + 1);
    expect(await lockedUntil([key], later)).toBeNull();
    expect(await takeAttempt([account(key)], later)).toEqual({ allowed: true });
  });

  it("restarts the count when the window has passed", async () => {
    const key = fresh();
    const start = new Date();
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) await takeAttempt([account(key)], start);
    const later = new Date(start.getTime() + THROTTLE.windowMs + 1000);
    for (let i = 0; i < THROTTLE.accountLimit; i++) expect((await takeAttempt([account(key)], later)).allowed).toBe(true);
  });

  it("a refunded attempt (a success) does not count, and lifts the lock it started", async () => {
    const key = fresh();
    const now = new Date();
    for (let i = 0; i < THROTTLE.accountLimit; i++) await takeAttempt([account(key)], now);
    expect(await lockedUntil([key], now)).not.toBeNull();
    await refundAttempt([account(key)]);
    expect(await lockedUntil([key], now)).toBeNull();
    expect((await takeAttempt([account(key)], now)).allowed).toBe(true);
    expect((await takeAttempt([account(key)], now)).allowed).toBe(false);
  });

  it("counts per IP independently, and every key spends the attempt", async () => {
    const ip = ipKey(`10.0.0.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`);
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 40 }, () => takeAttempt([account(fresh()), { key: ip, limit: THROTTLE.ipLimit }], now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(THROTTLE.ipLimit);
    expect(await lockedUntil([ip], now)).not.toBeNull();
    await clearFailures(ip);
    expect(await lockedUntil([ip], now)).toBeNull();
  });

  it("a burst of 150 public report checks from one address serves exactly VERIFY_LIMIT, then refuses until the lock ends", async () => {
    const ip = `203.0.113.${randomBytes(1)[0]}-${randomBytes(4).toString("hex")}`;
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 150 }, () => takeVerifyAttempt(ip, now)));
    expect(results.filter((until) => until === null)).toHaveLength(VERIFY_LIMIT);
    expect(results.filter((until) => until?.getTime() === now.getTime() + THROTTLE.lockMs)).toHaveLength(150 - VERIFY_LIMIT);
    // Another address is unaffected, and the lock ends on its own.
    expect(await takeVerifyAttempt(`${ip}-other`, now)).toBeNull();
    expect(await takeVerifyAttempt(ip, new Date(now.getTime() + THROTTLE.lockMs + 1))).toBeNull();
  });
});
