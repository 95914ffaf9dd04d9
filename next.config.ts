import type { NextConfig } from "next";

// Security headers for every response. The Content-Security-Policy (nonce-based) and HSTS are
// set per request in proxy.ts (lib/http/apply-security-headers.ts): a static header here would
// need 'unsafe-inline' for scripts and would replace the evidence download's own sandbox policy.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // `npm test` type-checks the whole tree (tsc --noEmit) before anything is built; checking again
  // inside every build only slowed the first `npm start` on a fresh machine.
  typescript: { ignoreBuildErrors: true },
  // Keep server-only native or wasm packages out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pdfkit", "pg", "pg-boss", "prom-client", "@prisma/adapter-pg", "@aws-sdk/client-s3", "pino", "pdfjs-dist", "mammoth"],
  experimental: {
    serverActions: { bodySizeLimit: "26mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Shared reports, calendar feeds, reset links and vendor questionnaire links: the URL is the credential. Never cached, never sent on as a Referer.
      ...["/share/:path*", "/api/calendar/:path*", "/reset-password/:path*", "/questionnaire/:path*", "/api/vendor-requests/:path*"].map((source) => ({
        source,
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      })),
    ];
  },
};

export default nextConfig;
