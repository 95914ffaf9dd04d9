import type { Metadata } from "next";
import { headers } from "next/headers";
import { Suspense } from "react";
import { RouteProgress } from "@/components/shell/route-progress";
import { ZodJitless } from "@/components/zod-jitless";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vetta", template: "%s · Vetta" },
  description: "AI vendor due diligence for managed service providers",
  // Vetta's mark, in public/: the SVG for browsers that take it, a 32 px favicon.ico for the rest,
  // and a web manifest so a phone can add Vetta to its home screen with its name and icon.
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/favicon.ico", sizes: "32x32" },
    ],
    apple: [{ url: "/icon-192.png", sizes: "192x192" }],
  },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next puts this request's CSP nonce (set by proxy.ts) on its
  // scripts only when rendering dynamically, and a prerendered page's scripts would be blocked.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <ZodJitless />
        <Suspense fallback={null}>
          <RouteProgress />
        </Suspense>
        {children}
      </body>
    </html>
  );
}
