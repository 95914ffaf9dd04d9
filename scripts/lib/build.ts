/**
 * Makes a production build when there is none, or when a source file changed since the last
 * one, so `npm start` on a fresh clone (or after a pull) just works and a restart stays fast.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function fingerprint(root: string): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const s of SOURCES) walk(path.join(root, s));
  hash.update(readFileSync(path.join(root, "prisma", "schema.prisma")));
  return hash.digest("hex");
}

/**
 * Builds when needed (or always, with `force`: `npm run build`) and records the sources'
 * fingerprint, so a later `npm start` knows the build is current and does not build again.
 */
export async function ensureBuild(root: string, options: { force?: boolean } = {}): Promise<void> {
  const marker = path.join(root, ".next", "vetta-build-fingerprint");
  const current = fingerprint(root);
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === current;
  if (built && !options.force && process.env.VETTA_FORCE_BUILD !== "1") return;
  console.log("[vetta] building the app…");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  await new Promise<void>((resolve, reject) => {
    // Nothing connects to the database while building, but the Prisma client module wants a URL
    // when it is loaded; a placeholder serves when the build runs on its own (npm run build).
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build@127.0.0.1:1/unused" };
    const child = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit code ${code})`))));
  });
  writeFileSync(marker, current);
}
