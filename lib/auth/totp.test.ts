import { describe, expect, it } from "vitest";
import { Secret } from "otpauth";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpCode, totpStep, totpUri } from "./totp";

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890".
const RFC_SECRET = Secret.fromUTF8("12345678901234567890").base32;

describe("TOTP", () => {
  it("matches RFC 6238's SHA-1 test vectors (last six digits)", () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCode(RFC_SECRET, new Date(1_234_567_890_000))).toBe("005924");
  });

  it("accepts the current code and one step either side, and nothing further", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-11-23T10:00:10Z");
    const step = totpStep(now);
    expect(matchTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() + 90_000)), now, null)).toBeNull();
    expect(matchTotp(newTotpSecret(), totpCode(secret, now), now, null)).toBeNull();
  });

  it("refuses a code from a step already used, and input that is not six digits", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-11-23T10:00:10Z");
    const code = totpCode(secret, now);
    expect(matchTotp(secret, code, now, totpStep(now))).toBeNull();
    expect(matchTotp(secret, code, now, totpStep(now) - 1)).toBe(totpStep(now));
    expect(matchTotp(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `, now, null)).toBe(totpStep(now));
    for (const bad of ["", "12345", "1234567", "abcdef"]) expect(matchTotp(secret, bad, now, null)).toBeNull();
  });

  it("makes an otpauth URI an authenticator app can read", () => {
    const uri = new URL(totpUri("JBSWY3DPEHPK3PXP", "casey@example.com", "Vetta (Northbridge)"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(uri.searchParams.get("issuer")).toBe("Vetta (Northbridge)");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, hashed the same however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const [code] = codes;
    expect(hashRecoveryCode(code!.toUpperCase().replace(/-/g, " "))).toBe(hashRecoveryCode(code!));
    expect(hashRecoveryCode("too-short")).toBeNull();
  });
});
