import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Outside Next's react-server build, "server-only" would throw on import; tests are server code.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["eslint.config.test.ts", "lib/catalogue/**/*.test.ts", "lib/domain/**/*.test.ts", "lib/validation/**/*.test.ts", "lib/pdf/**/*.test.ts", "lib/files/**/*.test.ts", "lib/spreadsheets/**/*.test.ts", "lib/auth/**/*.test.ts", "lib/http/**/*.test.ts", "lib/config/**/*.test.ts", "components/**/*.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["lib/db/**/*.test.ts", "scripts/**/*.test.ts", "prisma/migrations.test.ts", "app/**/*.test.ts"],
          globalSetup: ["scripts/lib/integration-global-setup.ts"],
          setupFiles: ["lib/testing/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file works in its own organisation, so files may run side by side.
          pool: "forks",
        },
      },
    ],
  },
});
