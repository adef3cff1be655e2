import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources through the "@immortal/source" export condition.
const conditions = ["@immortal/source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: { include: ["src/**/*.test.ts"] },
});
