import { describe, expect, it } from "vitest";
import { checkLogoFile, MAX_LOGO_BYTES } from "./logo-file";
import { JPEG, PDF, PNG, WINDOWS_EXE } from "./test-fixtures";

describe("organisation logo file", () => {
  it("accepts a PNG or a JPEG by its content", () => {
    expect(checkLogoFile(PNG, "logo.png")).toEqual({ ok: true, mimeType: "image/png" });
    expect(checkLogoFile(JPEG, "logo.jpg")).toEqual({ ok: true, mimeType: "image/jpeg" });
  });
  it("refuses other evidence types, disguised files, empty and oversized files, saying why", () => {
    expect(checkLogoFile(PDF, "logo.pdf")).toEqual({ ok: false, message: "A logo must be a PNG or JPEG image." });
    expect(checkLogoFile(WINDOWS_EXE, "logo.png")).toMatchObject({ ok: false, message: expect.stringContaining("Windows executable") });
    expect(checkLogoFile(PNG, "logo.jpg")).toMatchObject({ ok: false });
    expect(checkLogoFile(new Uint8Array(0), "logo.png")).toEqual({ ok: false, message: "The file is empty." });
    expect(checkLogoFile(Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]), "logo.png")).toMatchObject({ ok: false, message: expect.stringContaining("the limit is 512 KB") });
  });
});
