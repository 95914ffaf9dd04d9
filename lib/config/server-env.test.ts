import { afterEach, describe, expect, it } from "vitest";
import { environment, serverEnv } from "./server-env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("the environment module", () => {
  it("keeps the documented defaults", () => {
    const env = environment({});
    expect(env.VETTA_SESSION_HOURS).toBeUndefined();
    delete process.env.VETTA_SESSION_HOURS;
    delete process.env.VETTA_PUBLIC_URL;
    delete process.env.NEXTAUTH_URL;
    delete process.env.SMTP_FROM;
    delete process.env.VETTA_DATA_DIR;
    expect(serverEnv.sessionMaxAgeSeconds()).toBe(12 * 3600);
    expect(serverEnv.sessionIdleSeconds()).toBe(30 * 60);
    expect(serverEnv.publicUrl()).toBe("http://localhost:3000");
    expect(serverEnv.smtpFrom()).toBe("Vetta <vetta@localhost>");
    expect(serverEnv.dataDir()).toBe(".data");
  });

  it("names the variable that is wrong, and never echoes a secret", () => {
    expect(() => environment({ VETTA_SESSION_HOURS: "-3" })).toThrow(/VETTA_SESSION_HOURS must be a positive number/);
    expect(() => environment({ NEXTAUTH_URL: "ftp://x" })).toThrow(/NEXTAUTH_URL must be an http\(s\) URL/);
    process.env.DATABASE_URL = "";
    expect(() => serverEnv.databaseUrl()).toThrow(/DATABASE_URL is not set/);
  });

  it("prefers VETTA_PUBLIC_URL, then NEXTAUTH_URL, without a trailing slash", () => {
    process.env.NEXTAUTH_URL = "https://vetta.example/";
    delete process.env.VETTA_PUBLIC_URL;
    expect(serverEnv.publicUrl()).toBe("https://vetta.example");
    expect(serverEnv.servedOverHttps()).toBe(true);
    process.env.VETTA_PUBLIC_URL = "https://links.example";
    expect(serverEnv.publicUrl()).toBe("https://links.example");
  });
});
