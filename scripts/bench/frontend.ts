/**
 * Issue 17, front end: (1) first-load JavaScript per route, gzipped, from the production build
 * (first-load-js.ts); (2) Total Blocking Time and Largest Contentful Paint of the vendor register
 * and the questionnaire filler in Chromium (/usr/bin/chromium) with the CPU slowed 4× through the
 * DevTools protocol, against the app started by `npm start` on a fresh data directory (the demo
 * organisation, signed in as its account manager). Each page is loaded RUNS times after a warm-up
 * (median). Targets: ≤ 180 KiB first-load JS on the register and the filler; TBT < 200 ms at 4×.
 * Baseline in the same run: the same figures for the sign-in page, the lightest page there is.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/embedded-postgres";
import { firstLoadJs } from "./first-load-js";
import { machineLine } from "./machine";

const RUNS = 5;
const PASSWORD = "bench-frontend-password";
const ROUTES: Array<[label: string, appPath: string]> = [
  ["/sign-in", "(auth)/sign-in"],
  ["/vendors", "(app)/vendors"],
  ["/products", "(app)/products"],
  ["/assessments/[assessmentId] (filler)", "(app)/assessments/[assessmentId]"],
  ["/questionnaire/[token] (vendor's filler)", "questionnaire/[token]"],
  ["/dashboard", "(app)/dashboard"],
];

interface PageFigures {
  tbt: number;
  lcp: number;
}

/** Installed before any page script: long tasks and LCP, buffered from navigation start. */
const OBSERVE = `
  window.__perf = { longTasks: [], lcp: 0, fcp: 0 };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.longTasks.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") window.__perf.fcp = e.startTime; }).observe({ type: "paint", buffered: true });
`;

export async function benchFrontend(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("frontend bench: run npm run build first");
  const sizes = ROUTES.map(([label, appPath]) => {
    const { gzBytes } = firstLoadJs(".next", appPath, label);
    console.log(`frontend: ${label.padEnd(42)} first-load JS ${(gzBytes / 1024).toFixed(1)} KiB gz`);
    return { label, gzBytes };
  });

  const dataDir = await mkdtemp(path.join(tmpdir(), "vetta-bench-frontend-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, VETTA_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", VETTA_DEMO_PASSWORD: PASSWORD, VETTA_JOBS: "off", VETTA_LOG_LEVEL: "warn" } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  delete env.DATABASE_MIGRATION_URL;
  const app: ChildProcess = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const timings: Array<{ label: string; figures: PageFigures }> = [];
  try {
    for (let waited = 0; ; waited += 250) {
      if (app.exitCode !== null) throw new Error("npm start exited");
      if (await fetch(`${base}/api/health/live`).then((r) => r.ok, () => false)) break;
      if (waited > 600_000) throw new Error("the app did not start");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
    try {
      const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
      await context.addInitScript(OBSERVE);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const measure = async (label: string, url: string): Promise<void> => {
        const runs: PageFigures[] = [];
        for (let i = 0; i <= RUNS; i++) {
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
          await page.goto(url, { waitUntil: "load" });
          // Hydration and effects run after load: give the main thread time to settle.
          await page.waitForTimeout(1500);
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
          const perf = await page.evaluate(() => (window as unknown as { __perf: { longTasks: Array<[number, number]>; lcp: number; fcp: number } }).__perf);
          // TBT as Lighthouse counts it: the part of each long task after FCP beyond 50 ms.
          const tbt = perf.longTasks.filter(([start]) => start >= perf.fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
          if (i > 0) runs.push({ tbt, lcp: perf.lcp });
        }
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const figures = { tbt: median(runs.map((r) => r.tbt)), lcp: median(runs.map((r) => r.lcp)) };
        timings.push({ label, figures });
        console.log(`frontend: ${label.padEnd(42)} TBT ${figures.tbt.toFixed(0)} ms, LCP ${figures.lcp.toFixed(0)} ms (CPU 4× slower)`);
      };
      await measure("/sign-in", "/sign-in");
      await page.getByLabel("Email").fill("am@northbridge.example");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/dashboard$/);
      await measure("/vendors", "/vendors");
      await measure("/products", "/products");
      await page.goto("/products?q=ChatGPT");
      await page.getByRole("link", { name: "ChatGPT Free and Plus" }).click();
      await page.getByRole("button", { name: /Start assessment|Continue the draft assessment/ }).click();
      await page.waitForURL(/\/assessments\/[^/]+$/);
      await measure("/assessments/[assessmentId] (filler)", new URL(page.url()).pathname);
      await measure("/dashboard", "/dashboard");
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    if (app.exitCode === null) {
      const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
      app.kill("SIGTERM");
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const baseline = sizes[0]!.gzBytes;
  const timed = new Map(timings.map((t) => [t.label, t.figures]));
  return [
    "## Front end",
    "",
    `Measured by \`npm run bench -- frontend\` on ${machineLine()}. First-load JavaScript: the runtime chunks plus the client chunks of the page and every layout and boundary above it, from the production build (\`.next\`, Turbopack), each gzipped at level 9 and counted once (scripts/bench/first-load-js.ts). TBT (long tasks after first contentful paint, beyond 50 ms each) and LCP: Chromium with the CPU slowed 4× through the DevTools protocol, signed in as the demo account manager, median of ${RUNS} loads after a warm-up. Baseline in the same run: the sign-in page. Targets (issue 17): ≤ 180 KiB on the register and the filler; TBT < 200 ms at 4×.`,
    "",
    "Before (the same script on the build of 2026-12-04 23:40 UTC, before issue 17's front-end changes): /vendors 195.2 KiB, /products 196.5 KiB, the filler 208.0 KiB, /dashboard 179.7 KiB, the vendor's filler 172.7 KiB; zod alone was 30 KiB of every page's first load (through the root layout). TBT varies a lot on this shared machine: compare a row with the sign-in row of the same run.",
    "",
    "| route | first-load JS (gz) | against sign-in | TBT at 4× | LCP at 4× |",
    "|---|---|---|---|---|",
    ...sizes.map(({ label, gzBytes }) => {
      const t = timed.get(label);
      return `| ${label} | ${kib(gzBytes)} | ${(gzBytes / baseline).toFixed(2)}× | ${t ? `${t.tbt.toFixed(0)} ms` : "—"} | ${t ? `${t.lcp.toFixed(0)} ms` : "—"} |`;
    }),
    "",
  ];
}
