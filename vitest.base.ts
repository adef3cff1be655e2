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
  test: { include: ["src/**/*.test.ts"] },
});
