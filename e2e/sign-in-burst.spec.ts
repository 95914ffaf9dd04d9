import { expect, test } from "@playwright/test";
import { freshAccount } from "./support/fresh-account";

test("40 wrong passwords POSTed at once to the built app: 5 checked, the rest refused, then the right password is refused too", async ({ request }) => {
  const password = "the right password for the burst";
  const email = await freshAccount(password, "burst");
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };

  // Each from its own address (the e2e server trusts X-Forwarded-For), so only the account's limit is in play.
  const post = (pw: string, i: number) =>
    request.post("/api/auth/callback/credentials", {
      form: { email, password: pw, csrfToken, json: "true" },
      headers: { "X-Forwarded-For": `198.51.100.${i}` },
      maxRedirects: 0,
    });
  const outcome = async (pw: string, i: number) => {
    const response = await post(pw, i);
    const body = (await response.json().catch(() => ({}))) as { url?: string };
    const error = new URL(body.url ?? "http://x/").searchParams.get("error");
    return response.status() === 429 ? "TooManyAttempts" : (error ?? "SIGNED_IN");
  };
  const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => outcome(`wrong password ${i}`, i)));
  const count = (o: string) => outcomes.filter((x) => x === o).length;
  expect({ checked: count("CredentialsSignin"), refused: count("TooManyAttempts") }).toEqual({ checked: 5, refused: 35 });
  expect(await outcome(password, 250)).toBe("TooManyAttempts");
});
