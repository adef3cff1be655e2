// Keeps the generated libm tables (exp-table.ts, pow-table.ts) equal to what gen-tables.ts
// computes from their definitions; with UPDATE_LIBM_TABLES=1 it rewrites them instead.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderExpTable, renderPowTable } from "./gen-tables.js";

const files: [string, () => string][] = [
  ["exp-table.ts", renderExpTable],
  ["pow-table.ts", renderPowTable],
];

describe("generated libm tables", () => {
  it.each(files)("%s is up to date", (name, render) => {
    const path = join(import.meta.dirname, name);
    const text = render();
    if (process.env.UPDATE_LIBM_TABLES === "1") writeFileSync(path, text);
    expect(readFileSync(path, "utf8")).toBe(text);
  });
});
