import { describe, expect, it } from "vitest";
import { plainTextProblem } from "./plain-text";

const bytes = (...values: number[]) => Buffer.from(values);

describe("plainTextProblem", () => {
  it("accepts UTF-8 text with a BOM, tabs, CRLF line ends and non-Latin scripts", () => {
    expect(plainTextProblem(Buffer.from("\uFEFFName\tRetention\r\nДанные\t30 дней\r\n数据 ✓\n"))).toBeNull();
  });

  it("tolerates a stray control character, as in a terminal log", () => {
    expect(plainTextProblem(Buffer.from("build \x1b[32mok\x1b[0m\n"))).toBeNull();
  });

  it("calls text with a NUL byte binary", () => {
    expect(plainTextProblem(Buffer.from("a\0b"))).toBe("binary");
  });

  it("calls text full of control characters binary, C1 controls included", () => {
    expect(plainTextProblem(Buffer.from("a\x01b\x02c\x03d\x04"))).toBe("binary");
    expect(plainTextProblem(Buffer.from("a\u0085b\u0086c\u0087d\u0088"))).toBe("binary");
  });

  it("refuses invalid UTF-8: overlong forms, lone surrogates, truncated sequences", () => {
    expect(plainTextProblem(bytes(0x61, 0xc0, 0xaf, 0x62))).not.toBeNull();
    expect(plainTextProblem(bytes(0x61, 0xed, 0xa0, 0x80, 0x62))).not.toBeNull();
    expect(plainTextProblem(bytes(0x61, 0x62, 0xe2, 0x82))).not.toBeNull();
  });

  it("tells text in a legacy encoding from binary", () => {
    expect(plainTextProblem(Buffer.from("Caf\xe9 and cr\xe8me br\xfbl\xe9e", "latin1"))).toBe("legacy-encoding");
    expect(plainTextProblem(Buffer.from(Array.from({ length: 64 }, (_, i) => 0xa0 + (i % 0x60))))).toBe("binary");
  });
});
