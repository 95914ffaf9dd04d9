/**
 * SECURITY-CRITICAL. The caller's IP as set by Vetta's own server (scripts/server.ts), which
 * overwrites any x-vetta-client-ip a client sends with the socket's address (or, with
 * VETTA_TRUST_PROXY set, the address the trusted proxy reports). Never read x-forwarded-for here.
 */
export const CLIENT_IP_HEADER = "x-vetta-client-ip";

export function clientIpFrom(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const ip = Array.isArray(value) ? value[0] : value;
  return ip && ip.length <= 64 ? ip : null;
}
