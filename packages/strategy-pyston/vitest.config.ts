import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@immortal/source"] },
  ssr: { resolve: { conditions: ["@immortal/source"] } },
  test: { include: ["src/**/*.test.ts"] },
});
