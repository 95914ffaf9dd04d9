import { describe, expect, it } from "vitest";
import { nameText } from "./plain-text";
import { recordId, recordIdOf } from "./record-id";
import { vendorInput } from "./vendor";

describe("recordId", () => {
  it("accepts a cuid", () => {
    expect(recordId.parse("cmi7x2q0a0000abcd1234efgh")).toBe("cmi7x2q0a0000abcd1234efgh");
  });

  it.each([
    ["a NUL byte", "abc\u0000"],
    ["a control character", "abc\u0007def"],
    ["a slash", "../etc"],
    ["an over-long value", "a".repeat(65)],
    ["nothing", ""],
  ])("refuses %s with a message", (_what, value) => {
    const result = recordId.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/id|Required/);
  });

  it("names what it is for", () => {
    expect(recordIdOf("vendor").safeParse("").error?.issues[0]?.message).toBe("Choose the vendor.");
    expect(recordIdOf("vendor").safeParse(42).error?.issues[0]?.message).toBe("Choose the vendor.");
  });
});

describe("names refuse control characters", () => {
  const name = nameText("Enter the name.", 50);
  it.each(["Acme\u0000", "Acme\nInc", "Acme\rInc", "Acme\u0085", "\u001bAcme"])("refuses %j", (value) => {
    expect(name.safeParse(value).error?.issues[0]?.message).toMatch(/control characters/);
  });

  it("keeps accents, emoji and inner spaces", () => {
    expect(name.parse("  Société Générale 🚀 ")).toBe("Société Générale 🚀");
  });

  it("is what the vendor form uses, so the error lands on its name field", () => {
    const result = vendorInput.safeParse({ name: "Acme\u0000" });
    expect(result.error?.issues[0]?.path).toEqual(["name"]);
  });
});
