// The eval loop's switch labels its cases with opcode numbers as literals (for V8's jump table),
// each followed by the opcode's name in a comment: every label must be the OPCODES index of its name.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPCODES } from "./opcodes.js";

const source = readFileSync(new URL("./eval.ts", import.meta.url), "utf8");

describe("the eval loop's case labels", () => {
  const labels = [...source.matchAll(/case (\d+) \/\* ([A-Z_0-9]+) \*\/:/g)].map((m) => ({ n: Number(m[1]), name: m[2] }));

  it("number each opcode by its index in OPCODES", () => {
    expect(labels.length).toBeGreaterThan(90);
    for (const { n, name } of labels) expect(OPCODES[n]?.name, `case ${n} /* ${name} */`).toBe(name);
  });

  it("name each opcode once, and no case reads a property", () => {
    expect(new Set(labels.map((l) => l.n)).size).toBe(labels.length);
    expect(source).not.toMatch(/case (O|Op)\.[A-Z_]+:/);
  });
});
