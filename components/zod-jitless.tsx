"use client";

// zod's core `config` alone: `import { z } from "zod"` here put all of zod (30 KiB gzipped, JSON
// Schema and all) into the root layout's chunk, i.e. into the first load of every page (issue 17).
import { config } from "zod/v4/core";

// zod 4 probes whether it may compile parsers with `new Function` the first time it parses an
// object. Under Vetta's CSP (no 'unsafe-eval') the probe fails safely but the browser reports a
// CSP violation on every page with a form. Telling zod up front not to try keeps the policy quiet,
// so a real violation stands out. Rendered once from the root layout, before any form parses.
config({ jitless: true });

export function ZodJitless() {
  return null;
}
