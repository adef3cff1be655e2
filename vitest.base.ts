/**
 * The vitest configuration every package shares: workspace packages resolve to their TypeScript
 * sources through the "@immortal/source" export condition (also under SSR, where vitest runs
 * tests), so tests never need a build of their dependencies.
 */
import { defineConfig } from "vitest/config";

const conditions = ["@immortal/source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  // Generous limits: CI machines have 2 cores and tests that drive python3 share them.
  test: { include: ["src/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
