import { describe, expect, it } from "vitest";
import { diffSubProcessors, isEmptyDiff } from "./sub-processor-diff";

const e = (name: string, country: string | null = "US") => ({ name, purpose: "Hosting", country, region: null });

describe("diffSubProcessors", () => {
  it("reports added, removed and changed entries by name", () => {
    const diff = diffSubProcessors([e("Microsoft Azure"), e("Snowflake")], [e("microsoft azure", "IE"), e("Cloudflare")]);
    expect(diff.added.map((x) => x.name)).toEqual(["Cloudflare"]);
    expect(diff.removed.map((x) => x.name)).toEqual(["Snowflake"]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.after.country).toBe("IE");
  });
  it("is empty for the same list", () => {
    expect(isEmptyDiff(diffSubProcessors([e("A")], [e("A")]))).toBe(true);
  });
});
