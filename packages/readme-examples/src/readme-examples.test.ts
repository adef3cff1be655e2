/**
 * Keeps every package README honest: the first ```ts block of a README that is followed by a
 * ```text block is its runnable example; this test runs it (as a module, imports resolved
 * against the workspace packages) and requires it to print exactly that text.
 */
import { mkdirSync, readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { describe, expect, it, vi } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = join(here, "..", "..");
const cacheDir = join(here, "..", ".examples");

interface Example {
  pkg: string;
  code: string;
  output: string;
}

/** The example and expected output of a README, or null if it has none. */
export function readmeExample(pkg: string, readme: string): Example | null {
  const m = /```ts\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/.exec(readme);
  return m === null ? null : { pkg, code: m[1], output: m[2].trimEnd() };
}

const examples: Example[] = readdirSync(packagesDir)
  .filter((d) => existsSync(join(packagesDir, d, "README.md")))
  .map((d) => readmeExample(d, readFileSync(join(packagesDir, d, "README.md"), "utf8")))
  .filter((e): e is Example => e !== null);

describe("README examples", () => {
  it("finds one in every published package", () => {
    const published = readdirSync(packagesDir).filter((d) => {
      const manifest = join(packagesDir, d, "package.json");
      return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).private !== true;
    });
    expect(examples.map((e) => e.pkg).sort()).toEqual(published.sort());
  });

  it.each(examples.map((e) => [e.pkg, e] as const))("%s: prints what its README shows", async (_pkg, example) => {
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `${example.pkg}.ts`);
    writeFileSync(file, example.code);
    const out: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      out.push(format(...args));
    });
    try {
      await import(/* @vite-ignore */ `${file}?t=${Date.now()}`);
    } finally {
      log.mockRestore();
    }
    expect(out.join("\n")).toBe(example.output);
  });
});
