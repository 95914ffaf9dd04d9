import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

/**
 * Import boundaries (STYLE.md "The house"): data flows down, app → components → lib, and within
 * lib, domain/validation/pdf are pure. Each group is one restricted-import pattern; the blocks
 * below give every directory the full list that applies to it, because in a flat config a later
 * block's "no-restricted-imports" replaces an earlier one's for the same file.
 */
const RULES = {
  prismaClient: {
    group: ["@/lib/db/prisma-client", "**/db/prisma-client", "@/lib/db/generated", "@/lib/db/generated/**", "**/db/generated", "**/db/generated/**", "@prisma/client", "@prisma/client/**"],
    message: "Only lib/db talks to the database: call a named function from lib/db instead.",
  },
  app: { group: ["@/app", "@/app/**", "**/app/**"], message: "Nothing below app/ imports from it: pass what it needs as an argument or a prop." },
  components: { group: ["@/components", "@/components/**", "**/components/**"], message: "lib/ never imports React components." },
  prisma: { group: ["@/prisma", "@/prisma/**", "**/prisma/**"], message: "lib/ never imports prisma/ (schema, migrations, seed): data it needs lives under lib/." },
  scripts: { group: ["@/scripts", "@/scripts/**", "**/scripts/**"], message: "lib/ never imports scripts/ (tooling)." },
  dbOrAuth: {
    group: ["@/lib/db", "@/lib/db/**", "**/lib/db/**", "@/lib/auth", "@/lib/auth/**", "**/lib/auth/**", "../db/**", "../auth/**", "../../db/**", "../../auth/**"],
    message: "lib/domain, lib/validation and lib/pdf are pure: no database, no session. Take plain data as arguments.",
  },
};

const restrict = (...names) => ({ "no-restricted-imports": ["error", { patterns: names.map((name) => RULES[name]) }] });
const PURE_LIB = ["lib/domain/**", "lib/validation/**", "lib/pdf/**"];

export const boundaries = [
  { files: ["app/**"], rules: restrict("prismaClient") },
  { files: ["components/**"], rules: restrict("prismaClient", "app") },
  { files: ["lib/db/**"], rules: restrict("app", "components", "prisma", "scripts") },
  { files: PURE_LIB, rules: restrict("app", "components", "prisma", "scripts", "prismaClient", "dbOrAuth") },
  { files: ["lib/**"], ignores: ["lib/db/**", ...PURE_LIB], rules: restrict("app", "components", "prisma", "scripts", "prismaClient") },
  { files: ["scripts/**", "prisma/**", "e2e/**"], rules: restrict("prismaClient") },
];

/** One typed environment module (lib/config/server-env.ts); tests and test setup may set variables, as scripts do. */
export const environmentReads = {
  files: ["app/**", "lib/**", "components/**"],
  ignores: ["lib/config/**", "lib/testing/**", "**/*.test.ts", "**/*.test.tsx"],
  // process.env.NODE_ENV stays allowed: Next replaces it at build time, it is not configuration.
  rules: {
    "no-restricted-syntax": [
      "error",
      ...[
        "MemberExpression[object.type='MemberExpression'][object.object.name='process'][object.property.name='env'][property.name!='NODE_ENV']",
        ":matches(SpreadElement, VariableDeclarator, AssignmentPattern, CallExpression, ReturnStatement) > MemberExpression[object.name='process'][property.name='env']",
      ].map((selector) => ({ selector, message: "Read settings through serverEnv (lib/config/server-env.ts), the one typed environment module." })),
    ],
  },
};

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "tmp/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...boundaries,
  environmentReads,
];

export default config;
