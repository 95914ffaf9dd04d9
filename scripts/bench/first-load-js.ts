/**
 * First-load JavaScript per App Router route, from a production build (.next): the runtime chunks
 * every page loads (build-manifest rootMainFiles) plus the client chunks of the page and of every
 * layout, error, loading and not-found boundary above it (the route's client reference manifest,
 * entryJSFiles). Sizes gzip-compressed at level 9, as a server would send them; each chunk counted
 * once. What `next build` printed before Turbopack stopped printing it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

export interface FirstLoad {
  route: string;
  chunks: Array<{ file: string; gzBytes: number }>;
  gzBytes: number;
}

const gzCache = new Map<string, number>();
function gzSize(nextDir: string, file: string): number {
  let size = gzCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(nextDir, file)), { level: 9 }).length;
    gzCache.set(file, size);
  }
  return size;
}

/** `appPath` like "(app)/vendors" or "(app)/assessments/[assessmentId]"; the route's URL is only a label. */
export function firstLoadJs(nextDir: string, appPath: string, route = appPath): FirstLoad {
  const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(nextDir, "server", "app", appPath, "page_client-reference-manifest.js");
  const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
  sandbox.globalThis = sandbox.self;
  vm.runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  const manifests = (sandbox.self.__RSC_MANIFEST ?? {}) as Record<string, { entryJSFiles: Record<string, string[]> }>;
  const manifest = Object.values(manifests)[0];
  if (!manifest) throw new Error(`no client reference manifest in ${manifestFile}`);
  // The page and every boundary on its path: "[project]/app/layout", "[project]/app/(app)/layout", ...
  const segments = appPath.split("/");
  const prefixes = ["[project]/app", ...segments.map((_, i) => `[project]/app/${segments.slice(0, i + 1).join("/")}`)];
  const files = new Set(build.rootMainFiles);
  for (const [entry, chunks] of Object.entries(manifest.entryJSFiles)) {
    const at = entry.lastIndexOf("/");
    const dir = entry.slice(0, at);
    const name = entry.slice(at + 1);
    const onPath = prefixes.includes(dir) && ["layout", "error", "loading", "not-found", "template", "page"].includes(name) && (name !== "page" || dir === prefixes.at(-1));
    if (onPath) for (const chunk of chunks) files.add(chunk);
  }
  const chunks = [...files].filter((f) => f.endsWith(".js")).map((file) => ({ file, gzBytes: gzSize(nextDir, file) }));
  return { route, chunks, gzBytes: chunks.reduce((sum, c) => sum + c.gzBytes, 0) };
}
