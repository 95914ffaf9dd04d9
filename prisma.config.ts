import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file; migrations go through scripts/migrate.ts, which drives
// Prisma's schema engine compiled to WebAssembly (no native engine download needed).
export default defineConfig({
  schema: "prisma/schema.prisma",
});
