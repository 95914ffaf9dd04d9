import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPrivateAddress } from "@/lib/domain/webhooks/private-address";

export interface WebhookSendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * SECURITY-CRITICAL (SSRF). The address check runs inside the socket's own DNS lookup, on every
 * address the name resolves to, so the address connected to is the address checked: a name that
 * resolves to a public address for the form and to 127.0.0.1 at delivery (DNS rebinding) is
 * refused at delivery. Redirects are not followed (a 3xx is a failed delivery).
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => !allowPrivate && isPrivateAddress(a.address));
      if (refused || list.length === 0) {
        const err = Object.assign(new Error(`refused: ${hostname} resolves to a private or loopback address (${refused?.address ?? "none"})`), { code: "EPRIVATEADDRESS" });
        return callback(err, "", 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export async function sendWebhook(url: string, body: string, headers: Record<string, string>, options: { allowPrivate: boolean }): Promise<WebhookSendResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, statusCode: null, error: "not a valid URL" };
  }
  if (target.protocol !== "https:" && !(options.allowPrivate && target.protocol === "http:")) return { ok: false, statusCode: null, error: "only https:// endpoints are allowed" };
  // A literal IP address skips DNS: check it here.
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (!options.allowPrivate && /^[\d.]+$|:/.test(literal) && isPrivateAddress(literal)) return { ok: false, statusCode: null, error: `refused: ${literal} is a private or loopback address` };
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      target,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), "User-Agent": "Vetta-Webhooks/1", ...headers },
        lookup: guardedLookup(options.allowPrivate),
        timeout: TIMEOUT_MS,
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const done = () => {
          const code = res.statusCode ?? 0;
          resolve({ ok: code >= 200 && code < 300, statusCode: code, error: code >= 200 && code < 300 ? null : `answered ${code}` });
        };
        res.on("end", done);
        res.on("close", done);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", (error) => resolve({ ok: false, statusCode: null, error: error.message.slice(0, 300) }));
    req.end(body);
  });
}

/**
 * Checked when an admin registers an endpoint, so a private target is refused with a clear field
 * error then (delivery checks again, on the address it connects to). A name that does not resolve
 * yet is accepted: its deliveries fail and show why in the log.
 */
export async function webhookTargetProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  const target = new URL(url);
  if (target.protocol !== "https:" && !allowPrivate) return "Use an https:// address.";
  if (allowPrivate) return null;
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "That address is on this machine; use a public https:// address.";
  if (/^[\d.]+$|:/.test(host)) return isPrivateAddress(host) ? "That is a private or loopback address; use a public https:// address." : null;
  const addresses = await new Promise<LookupAddress[]>((resolve) => dnsLookup(host, { all: true }, (error, list) => resolve(error ? [] : list)));
  return addresses.some((a) => isPrivateAddress(a.address)) ? "That name points to a private or loopback address; use a public https:// address." : null;
}
