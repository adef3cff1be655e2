/**
 * Keeps the README honest: its TypeScript example is the code between the example markers below
 * (imports aside), and running it prints exactly the README's output block.
 */
import { Heap } from "@immortal/heap";
import { readFileSync } from "node:fs";
import { format } from "node:util";
import { expect, it, vi } from "vitest";
import { createStrategy } from "./index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const self = readFileSync(new URL(import.meta.url), "utf8");
const START = "// example" + ":start";
const END = "// example" + ":end";

/** The first fenced block of `lang` in `text`. */
function fenced(text: string, lang: string): string {
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(text);
  if (m === null) throw new Error(`README has no ${lang} block`);
  return m[1];
}

/** Code lines without indentation, blank lines or imports. */
function codeLines(code: string): string[] {
  return code
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("import "));
}

it("the README example is the code this file runs", () => {
  const body = self.slice(self.indexOf(START) + START.length, self.indexOf(END));
  expect(codeLines(body)).toEqual(codeLines(fenced(readme, "ts")));
});

it("the README example prints the README's output", () => {
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    out.push(format(...args));
  });
  try {
    // example:start
    const heap = new Heap({ strategy: createStrategy(), instrument: true });
    const none = heap.registerType({ name: "NoneType", basicSize: 0 });
    heap.types.setTypeImmortal(none.id);

    const o = heap.allocate(none.id);
    console.log(heap.isImmortal(o), heap.rc.immortalize(o), heap.rc.makeImmortal(o));
    heap.incref(o);
    heap.decref(o);
    heap.decref(o);
    heap.decref(o);
    console.log(heap.refcount(o), heap.isLive(o), heap.stats().writes?.refcountStoresImmortal);
    // example:end
  } finally {
    log.mockRestore();
  }
  expect(out.join("\n")).toBe(fenced(readme, "text").trimEnd());
});
