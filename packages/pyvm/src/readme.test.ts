/**
 * Keeps the README in step with the code: it must contain the per-opcode table exactly as
 * `opcodeTableMarkdown()` renders it from OPCODES, and document every option of `pyvm run`.
 * (Its TypeScript example is run by packages/readme-examples.)
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "./cli.js";
import { OPCODES, type OpcodeSpec } from "./vm/opcodes.js";
import { effectText, NONLINEAR_EFFECTS, opcodeTableMarkdown, stackEffectText } from "./vm/opcode-table.js";

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "README.md"), "utf8");

describe("README", () => {
  it("contains the per-opcode table generated from OPCODES, verbatim", () => {
    const table = opcodeTableMarkdown();
    expect(table.split("\n")).toHaveLength(OPCODES.length + 3);
    expect(readme).toContain(table);
  });

  it("documents every option of `pyvm run`", () => {
    let help = "";
    expect(main(["run", "--help"], { stdout: (s) => (help += s), stderr: () => {} })).toBe(0);
    const flags = [...help.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]);
    expect(flags).toEqual(["--strategy", "--stats", "--recursion-limit", "--step-budget", "--max-heap", "--no-immortal"]);
    for (const flag of flags) expect(readme).toContain(`\`${flag}`);
  });
});

describe("opcode table", () => {
  it("renders affine stack effects as formulas of the oparg", () => {
    const spec = (name: string): OpcodeSpec => OPCODES.find((o) => o.name === name)!;
    expect(stackEffectText(spec("POP_TOP"))).toBe("1 → 0");
    expect(stackEffectText(spec("COPY"))).toBe("oparg → oparg + 1");
    expect(stackEffectText(spec("CALL"))).toBe("oparg + 2 → 1");
    expect(stackEffectText(spec("BUILD_MAP"))).toBe("2 × oparg → 1");
    expect(stackEffectText(spec("UNPACK_SEQUENCE"))).toBe("1 → oparg");
    expect(effectText("X", "pops", (o) => 2 * o - 3)).toBe("2 × oparg − 3");
  });

  it("uses a hand-written formula only where it matches the opcode's function", () => {
    for (const key of Object.keys(NONLINEAR_EFFECTS)) {
      const [name, side] = key.split(".") as [string, "pops" | "pushes"];
      const spec = OPCODES.find((o) => o.name === name);
      expect(spec, key).toBeDefined();
      expect(effectText(name, side, spec![side])).toBe(NONLINEAR_EFFECTS[key].text);
    }
    // A non-affine effect without a formula is an error, not a silently wrong row.
    expect(() => effectText("NEW_OP", "pushes", (o) => o * o)).toThrow(/NONLINEAR_EFFECTS/);
    // A formula that no longer matches its opcode is an error too.
    expect(() => effectText("LOAD_GLOBAL", "pushes", (o) => 1 + (o & 2))).toThrow(/NONLINEAR_EFFECTS/);
  });

  it("escapes pipes inside cells and marks jumps", () => {
    const table = opcodeTableMarkdown([{ name: "X", pops: () => 1, pushes: () => 0, jump: true, refs: "a | b" }]);
    expect(table.split("\n")[2]).toBe("| 0 | `X` (jump) | 1 → 0 | a \\| b | — |");
  });
});
