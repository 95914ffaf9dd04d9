/**
 * A signed-in user over plain HTTP, for tests that drive the real server without a browser: one
 * cookie jar for every address it talks to (as a browser behind one proxy name would send the
 * same cookies to whichever instance answers), next-auth's CSRF and credentials sign-in, sign-out.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export class HttpUser {
  private readonly cookies = new Map<string, string>();

  /** `url` is absolute: the same user may talk to several instances. */
  async fetch(url: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set("content-type", "application/x-www-form-urlencoded");
    }
    const response = await fetch(url, { ...init, body, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }

  /** The outcome as next-auth reports it: "SIGNED_IN", "CredentialsSignin", "TooManyAttempts", … */
  async signIn(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
    const { csrfToken } = (await (await this.fetch(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
    const response = await this.fetch(`${base}/api/auth/callback/credentials`, { method: "POST", headers, form: { email, password, csrfToken, json: "true" } });
    if (response.status === 429) return "TooManyAttempts";
    const answer = (await response.json().catch(() => ({}))) as { url?: string };
    const error = new URL(answer.url ?? "http://x/").searchParams.get("error");
    return error ?? (this.hasSession() ? "SIGNED_IN" : `HTTP ${response.status}`);
  }

  async signOut(base: string): Promise<void> {
    const { csrfToken } = (await (await this.fetch(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
    const response = await this.fetch(`${base}/api/auth/signout`, { method: "POST", form: { csrfToken, json: "true" } });
    if (response.status >= 400) throw new Error(`sign-out answered ${response.status}`);
  }

  /** The cookies as they are now, to replay later (a stolen or kept copy of the session). */
  snapshot(): HttpUser {
    const copy = new HttpUser();
    for (const [k, v] of this.cookies) copy.cookies.set(k, v);
    return copy;
  }
}

/**
 * The id of a server action in the production build (`.next`), as a page's form would send it in
 * `Next-Action`, so tests and the load run can call actions over plain HTTP.
 */
export function serverActionId(root: string, file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const found = Object.entries(manifest.node).find(([, e]) => e.exportedName === name && e.filename?.includes(file));
  if (!found) throw new Error(`no server action ${name} in ${file} (is the build current?)`);
  return found[0];
}

/** Calls a server action as its page does; returns the HTTP status and the RSC text (holds the result). */
export async function callServerAction(user: HttpUser, base: string, page: string, id: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await user.fetch(`${base}${page}`, {
    method: "POST",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: base, Accept: "text/x-component", ...headers },
    body: JSON.stringify([input]),
  });
  return { status: response.status, text: await response.text() };
}
