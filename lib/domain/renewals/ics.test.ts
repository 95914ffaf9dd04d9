import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { buildIcs, foldLine } from "./ics";

describe("ICS feed", () => {
  const ics = buildIcs({
    name: "Vetta renewals — Casey",
    generatedAt: new Date("2026-11-23T10:00:00Z"),
    events: [
      { uid: "DPA_EXPIRY-dpa1-2026-12-31@vetta", date: "2026-12-31", summary: "DPA expiry: OpenAI — OpenAI API", description: "Get the renewed DPA; then record it.\nSecond line, with commas; and semicolons", url: "https://vetta.example/products/p1" },
      { uid: "CERTIFICATION_EXPIRY-c1-2028-02-29@vetta", date: "2028-02-29", summary: "Certification expiry: ISO 27001 — Zürich Datenverarbeitung ".repeat(3), description: "Upload the renewed certificate.", url: null },
    ],
  });

  it("parses as a calendar apps do, with all-day events on the right dates and text intact", () => {
    const parsed = ical.sync.parseICS(ics);
    const events = Object.values(parsed).filter((c) => c?.type === "VEVENT") as ical.VEvent[];
    expect(events).toHaveLength(2);
    const dpa = events.find((e) => e.uid === "DPA_EXPIRY-dpa1-2026-12-31@vetta")!;
    expect(dpa.summary).toBe("DPA expiry: OpenAI — OpenAI API");
    expect(dpa.description).toBe("Get the renewed DPA; then record it.\nSecond line, with commas; and semicolons");
    expect(dpa.datetype).toBe("date");
    expect([dpa.start.getFullYear(), dpa.start.getMonth() + 1, dpa.start.getDate()]).toEqual([2026, 12, 31]);
    const cert = events.find((e) => e.uid.startsWith("CERTIFICATION_EXPIRY"))!;
    expect(cert.summary).toContain("Zürich Datenverarbeitung");
    expect([cert.start.getFullYear(), cert.start.getMonth() + 1, cert.start.getDate()]).toEqual([2028, 2, 29]);
  });

  it("uses CRLF and folds every line at 75 octets without splitting a character", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const folded = foldLine("X:" + "é".repeat(100));
    expect(folded.split("\r\n ").join("")).toBe("X:" + "é".repeat(100));
  });

  it("escapes a lone CR (and drops other control characters), so a name cannot end a line or inject a property", () => {
    const feed = buildIcs({
      name: "Feed",
      generatedAt: new Date("2026-11-23T10:00:00Z"),
      events: [{ uid: "u1@vetta", date: "2026-12-31", summary: "Acme\rATTENDEE:mailto:x@evil.example", description: "a\u0000b\u0007c\r\nd", url: null }],
    });
    expect(feed.replace(/\r\n/g, "")).not.toMatch(/[\r\n\u0000\u0007]/);
    expect(feed).not.toMatch(/^ATTENDEE/m);
    const event = Object.values(ical.sync.parseICS(feed)).find((c) => c?.type === "VEVENT") as { summary: string; description: string };
    expect(event.summary).toBe("Acme\nATTENDEE:mailto:x@evil.example");
    expect(event.description).toBe("abc\nd");
  });
});
