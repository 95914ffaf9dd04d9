import { describe, expect, it } from "vitest";
import { newPasswordField, passwordShapeProblem } from "@/lib/validation/password";
import { isCommonPassword, rejectCommonPassword } from "./common-passwords";

describe("password rules", () => {
  it.each([
    ["password1234", true],
    ["Password1234!", true],
    ["dragondragon", true],
    ["iloveyou2026!!", true],
    ["qwertyuiop123", true],
    ["correct horse battery staple", false],
    ["e2e demo password 2026", false],
    ["Tram-velvet-orbit-77", false],
  ])("%s is common: %s", (password, common) => {
    expect(isCommonPassword(password)).toBe(common);
  });

  it("refuses a common password with a field error", () => {
    expect(() => rejectCommonPassword("password1234", "newPassword")).toThrow(expect.objectContaining({ fieldErrors: { newPassword: expect.stringContaining("common") } }));
  });

  it.each([
    ["     ", "at least 12"],
    ["            ", "only spaces"],
    ["\t\t\t\t  \n\n\n\n  ", "only spaces"],
    ["short", "at least 12"],
    ["x".repeat(129), "at most 128"],
    ["aaaaaaaaaaaa", "repeat"],
    ["abcabcabcabc", "repeat"],
    ["121212121212", "repeat"],
    ["aabbccddaabb", "different characters"],
  ])("shape: %j is refused (%s)", (password, words) => {
    expect(passwordShapeProblem(password)).toContain(words);
    expect(newPasswordField.safeParse(password).success).toBe(false);
  });

  it("counts characters, not bytes, takes spaces and any script, and has no composition rules", () => {
    expect(passwordShapeProblem("ключ от дома у соседа")).toBeNull();
    expect(passwordShapeProblem("🐙🦑🐳🐬🐟🐠🐡🦈🦞🦀🐚🪼")).toBeNull();
    expect(passwordShapeProblem("all lower case words here")).toBeNull();
    expect(passwordShapeProblem("abcdefgh".repeat(16))).toBeNull();
    expect(newPasswordField.parse("  leading and trailing spaces kept  ")).toBe("  leading and trailing spaces kept  ");
  });
});
