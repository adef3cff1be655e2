// Compiles every program of the corpus (test-fixtures/compiler, plus the parser's valid
// fixtures when present) and checks each code object's stack discipline against the opcode
// table with an independent simulation.

import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { allCodeObjects, compileModule } from "./index.js";
import { verifyStack } from "./testing/verify-stack.js";

const root = join(import.meta.dirname, "../../test-fixtures");

function corpus(dir: string): string[] {
  const d = join(root, dir);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((f) => join(d, f));
}

const files = [...corpus("compiler"), ...corpus("syntax/valid")];

describe("stack discipline of compiled code", () => {
  test("the corpus has at least 60 programs", () => {
    expect(corpus("compiler").length).toBeGreaterThanOrEqual(60);
  });
  test.each(files.map((f) => [f.slice(root.length + 1), f]))("%s", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const co = compileModule(source, file);
    const problems: string[] = [];
    for (const code of allCodeObjects(co)) problems.push(...verifyStack(code));
    expect(problems).toEqual([]);
  });
});
