import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The import boundaries in eslint.config.mjs, exercised through ESLint itself with the project's
 * config: each deliberate bad import must be reported, and the same file with a good import not.
 */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname) });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(import.meta.dirname, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

// Loading the config and its plugins takes seconds on a busy machine: once, before the cases.
beforeAll(async () => {
  await eslint.calculateConfigForFile(path.resolve(import.meta.dirname, "lib/db/example.ts"));
  await restrictedImports("lib/db/example.ts", "export {};\n");
}, 120_000);

describe("import boundaries", { timeout: 30_000 }, () => {
  const bad: Array<[file: string, code: string, says: RegExp]> = [
    ["lib/db/example.ts", `import { VerifyForm } from "@/components/reports/verify-form";\nexport const x = VerifyForm;\n`, /never imports React components/],
    ["lib/files/example.ts", `import { verifyReportAction } from "@/app/verify/actions";\nexport const x = verifyReportAction;\n`, /Nothing below app/],
    ["lib/db/example.ts", `import seed from "../../prisma/seed";\nexport const x = seed;\n`, /never imports prisma/],
    ["lib/http/example.ts", `import { x as y } from "../../scripts/lib/secrets";\nexport const x = y;\n`, /never imports scripts/],
    ["components/vendors/example.tsx", `import { createVendorAction } from "@/app/(app)/vendors/actions";\nexport const x = createVendorAction;\n`, /Nothing below app/],
    ["lib/domain/example.ts", `import { findVendors } from "@/lib/db/vendors";\nexport const x = findVendors;\n`, /are pure/],
    ["lib/validation/example.ts", `import { getActor } from "../auth/session";\nexport const x = getActor;\n`, /are pure/],
    ["lib/pdf/example.ts", `import { getActor } from "@/lib/auth/session";\nexport const x = getActor;\n`, /are pure/],
    ["lib/auth/example.ts", `import { prisma } from "@/lib/db/prisma-client";\nexport const x = prisma;\n`, /Only lib\/db talks to the database/],
    ["app/(app)/example/page.tsx", `import { PrismaClient } from "@/lib/db/generated/client";\nexport const x = PrismaClient;\n`, /Only lib\/db talks to the database/],
  ];

  it.each(bad)("%s: refuses the bad import", async (file, code, says) => {
    const messages = await restrictedImports(file, code);
    expect(messages.length).toBe(1);
    expect(messages[0]).toMatch(says);
  });

  it("refuses process.env outside lib/config", async () => {
    const [result] = await eslint.lintText(`export const url = process.env.SMTP_URL;\n`, { filePath: path.resolve(import.meta.dirname, "lib/jobs/example.ts") });
    expect(result?.messages.map((m) => m.ruleId)).toContain("no-restricted-syntax");
    const [whole] = await eslint.lintText(`export const env = { ...process.env };\n`, { filePath: path.resolve(import.meta.dirname, "app/example.ts") });
    expect(whole?.messages.map((m) => m.ruleId)).toContain("no-restricted-syntax");
    const [nodeEnv] = await eslint.lintText(`export const dev = process.env.NODE_ENV === "development";\n`, { filePath: path.resolve(import.meta.dirname, "lib/http/example.ts") });
    expect(nodeEnv?.messages).toEqual([]);
    const [config] = await eslint.lintText(`export const url = process.env.SMTP_URL;\n`, { filePath: path.resolve(import.meta.dirname, "lib/config/example.ts") });
    expect(config?.messages).toEqual([]);
  });

  it("lets imports that run downwards through", async () => {
    expect(await restrictedImports("lib/db/example.ts", `import { prisma } from "./prisma-client";\nimport { scoreProduct } from "@/lib/domain/scoring/score-product";\nexport const x = [prisma, scoreProduct];\n`)).toEqual([]);
    expect(await restrictedImports("app/(app)/example/page.tsx", `import { findVendors } from "@/lib/db/vendors";\nimport { Button } from "@/components/ui/button";\nexport const x = [findVendors, Button];\n`)).toEqual([]);
    expect(await restrictedImports("lib/validation/example.ts", `import { recordId } from "./record-id";\nexport const x = recordId;\n`)).toEqual([]);
  });
});
