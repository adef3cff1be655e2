/**
 * Keeps the README honest: its example is the code between the example markers below (imports
 * aside), and running that code prints exactly the README's output block.
 */
import { Heap } from "@immortal/heap";
import { readFileSync } from "node:fs";
import { format } from "node:util";
import { expect, it, vi } from "vitest";
import { STRATEGY_NAMES, createStrategy, strategyInfo } from "./index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const self = readFileSync(new URL(import.meta.url), "utf8");
// Split so that these two lines are not themselves taken for the markers.
const START = "// example" + ":start";
const END = "// example" + ":end";

/** The body of the README's first fenced block in `lang`. */
function fenced(lang: string): string {
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(readme);
  if (m === null) throw new Error(`README.md has no ${lang} block`);
  return m[1];
}

/** Code lines, trimmed, without blank lines or imports. */
function codeLines(code: string): string[] {
  return code
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("import "));
}

it("the README example is the code this test runs", () => {
  const body = self.slice(self.indexOf(START) + START.length, self.indexOf(END));
  expect(codeLines(body)).toEqual(codeLines(fenced("ts")));
});

it("the README example prints the README's output", () => {
  const out: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    out.push(format(...args));
  });
  try {
    // example:start
    for (const name of STRATEGY_NAMES) {
      const heap = new Heap({ strategy: createStrategy(name) });
      const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
      const o = heap.allocate(leaf.id);
      const immortal = heap.makeImmortal(o);
      const { granularity } = strategyInfo(name);
      console.log(`${name.padEnd(17)} ${granularity.padEnd(6)} ${String(immortal).padEnd(5)} ${heap.refcount(o)}`);
    }
    // example:end
  } finally {
    spy.mockRestore();
  }
  expect(out.join("\n")).toBe(fenced("text").trimEnd());
});
