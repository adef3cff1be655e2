/**
 * Renders the per-opcode table of the README from {@link OPCODES}: each opcode's number, name,
 * stack effect, reference behaviour and where CPython 3.12 skips refcounting of immortal objects.
 * The README carries this text verbatim (a test regenerates it and compares), so the table and
 * the instruction set cannot drift apart; `pyvm opcodes` prints it.
 */
import { OPCODES, type OpcodeSpec } from "./opcodes.js";

/** Opargs at which a stack-effect formula is checked (every value an oparg of this VM takes in practice). */
const PROBE_OPARGS = Array.from({ length: 1024 }, (_, i) => i);

/**
 * Stack-effect formulas that are not affine in the oparg, written out by hand. Each carries the
 * function it describes so a test (and {@link stackEffectText}) can check the text against the
 * opcode's own function at every probed oparg: a formula that no longer matches is an error, not
 * a stale README.
 */
export const NONLINEAR_EFFECTS: Readonly<Record<string, { text: string; f: (oparg: number) => number }>> = {
  "LOAD_GLOBAL.pushes": { text: "1 + (oparg & 1)", f: (o) => 1 + (o & 1) },
  "LOAD_ATTR.pushes": { text: "1 + (oparg & 1)", f: (o) => 1 + (o & 1) },
  "LOAD_SUPER_ATTR.pushes": { text: "1 + (oparg & 1)", f: (o) => 1 + (o & 1) },
  "FORMAT_VALUE.pops": { text: "(oparg & 4 ? 2 : 1)", f: (o) => ((o & 4) !== 0 ? 2 : 1) },
  "CALL_FUNCTION_EX.pops": { text: "3 + (oparg & 1)", f: (o) => 3 + (o & 1) },
  "MAKE_FUNCTION.pops": { text: "1 + popcount(oparg & 15)", f: (o) => 1 + popcount(o & 15) },
  "UNPACK_EX.pushes": { text: "(oparg & 0xff) + (oparg >> 8) + 1", f: (o) => (o & 0xff) + (o >> 8) + 1 },
};

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/**
 * One side of a stack effect as text: a constant, an affine form of the oparg (`oparg`,
 * `oparg + 2`, `2 × oparg`), or a formula from {@link NONLINEAR_EFFECTS}.
 * @throws Error if the function is neither affine nor described (add it to NONLINEAR_EFFECTS).
 */
export function effectText(opName: string, side: "pops" | "pushes", f: (oparg: number) => number): string {
  const b = f(0);
  const a = f(1) - b;
  if (PROBE_OPARGS.every((o) => f(o) === a * o + b)) {
    if (a === 0) return String(b);
    const term = a === 1 ? "oparg" : `${a} × oparg`;
    return b === 0 ? term : b > 0 ? `${term} + ${b}` : `${term} − ${-b}`;
  }
  const known = NONLINEAR_EFFECTS[`${opName}.${side}`];
  if (known === undefined || !PROBE_OPARGS.every((o) => known.f(o) === f(o))) {
    throw new Error(`${opName}.${side}: stack effect is not affine in the oparg and NONLINEAR_EFFECTS has no matching formula`);
  }
  return known.text;
}

/** An opcode's stack effect as "pops → pushes". */
export function stackEffectText(spec: OpcodeSpec): string {
  return `${effectText(spec.name, "pops", spec.pops)} → ${effectText(spec.name, "pushes", spec.pushes)}`;
}

/** Markdown cell text: pipes escaped so they cannot split the cell. */
const cell = (s: string): string => s.replace(/\|/g, "\\|");

/**
 * The README's per-opcode table (Markdown, ending with a newline): one row per opcode in
 * opcode-number order.
 */
export function opcodeTableMarkdown(opcodes: readonly OpcodeSpec[] = OPCODES): string {
  const lines = [
    "| # | opcode | stack (pops → pushes) | references | where 3.12 skips refcounting of immortals |",
    "| ---: | --- | --- | --- | --- |",
  ];
  opcodes.forEach((spec, i) => {
    const name = spec.jump ? `\`${spec.name}\` (jump)` : `\`${spec.name}\``;
    lines.push(`| ${i} | ${name} | ${cell(stackEffectText(spec))} | ${cell(spec.refs)} | ${cell(spec.immortalSkip ?? "—")} |`);
  });
  return lines.join("\n") + "\n";
}
