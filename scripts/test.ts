/**
 * `npm test`: every check, in the order that fails fastest.
 *   type check → lint → unit → build → integration (real PostgreSQL) → e2e (Chromium, production build)
 * The production build comes before integration: a few integration tests start the real app
 * (kill -9 of the launcher, a restored backup, two instances), and e2e then finds it current.
 * Each stage runs even when an earlier one failed, so one run shows everything that is wrong;
 * the exit code is non-zero when any stage failed. The last line is the overall count.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

interface Stage {
  name: string;
  args: string[];
  /** Reads passed/failed test counts from the runner's JSON report. */
  counts?: () => { passed: number; failed: number; skipped: number };
}

const bin = (pkg: string, file: string) => path.resolve("node_modules", pkg, file);
const results = path.resolve("test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function vitestCounts(file: string) {
  return () => {
    const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  };
}

function playwrightCounts() {
  const report = JSON.parse(readFileSync(path.join(results, "e2e-results.json"), "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

const stages: Stage[] = [
  { name: "type check", args: [bin("typescript", "bin/tsc"), "--noEmit"] },
  { name: "lint", args: [bin("eslint", "bin/eslint.js"), "--max-warnings=0", "."] },
  {
    name: "unit",
    args: [bin("vitest", "vitest.mjs"), "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/unit.json`],
    counts: vitestCounts(`${results}/unit.json`),
  },
  { name: "build", args: [bin("tsx", "dist/cli.mjs"), "scripts/build.ts"] },
  {
    name: "integration",
    args: [bin("vitest", "vitest.mjs"), "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/integration.json`],
    counts: vitestCounts(`${results}/integration.json`),
  },
  { name: "e2e", args: [bin("@playwright/test", "cli.js"), "test"], counts: playwrightCounts },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const summary: string[] = [];
for (const stage of stages) {
  if (only.length > 0 && !only.includes(stage.name)) continue;
  console.log(`\n━━━ ${stage.name} ━━━`);
  const started = Date.now();
  const run = spawnSync(process.execPath, stage.args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const ok = run.status === 0;
  let detail = "";
  if (stage.counts) {
    try {
      const c = stage.counts();
      passed += c.passed;
      failed += c.failed;
      skipped += c.skipped;
      detail = ` (${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""})`;
      if (!ok && c.failed === 0) failed += 1; // the runner failed outside any test (setup, server)
    } catch {
      if (!ok) failed += 1;
      detail = " (no report)";
    }
  } else {
    if (ok) passed += 1;
    else failed += 1;
  }
  summary.push(`${ok ? "✔" : "✘"} ${stage.name}${detail} in ${Math.round((Date.now() - started) / 1000)}s`);
}

console.log(`\n━━━ summary ━━━\n${summary.join("\n")}`);
if (!existsSync(results)) mkdirSync(results);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
