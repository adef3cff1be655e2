// An independent check of compiled code against the opcode table: simulates the value stack
// along every path (fall-through, jumps, exception handlers) and reports any negative depth,
// inconsistent depth where paths merge, depth above the declared stackSize, or an
// exception-table entry whose range runs below its handler's depth. Used by the tests on every
// code object of a corpus; it deliberately does not reuse the compiler's own depth analysis.

import type { CodeObject } from "../../vm/code.js";
import { OPCODES, Op } from "../../vm/opcodes.js";

const UNCONDITIONAL = new Set(["JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT"]);
const EXITS = new Set(["RETURN_VALUE", "RETURN_CONST", "RAISE_VARARGS", "RERAISE"]);

/** Problems found in one code object (empty if none). */
export function verifyStack(co: CodeObject): string[] {
  const errors: string[] = [];
  const n = co.code.length / 2;
  const depthAt = new Array<number>(n).fill(-1);
  const work: number[] = [];
  const where = (i: number) => `${co.qualname}@${i} ${OPCODES[co.code[2 * i]]?.name ?? "?"}`;

  const reach = (i: number, depth: number, from: string) => {
    if (i < 0 || i >= n) {
      errors.push(`${from}: target ${i} out of range`);
      return;
    }
    if (depth < 0) {
      errors.push(`${from}: negative depth ${depth} reaching ${i}`);
      return;
    }
    if (depth > co.stackSize) errors.push(`${from}: depth ${depth} above stackSize ${co.stackSize}`);
    if (depthAt[i] === -1) {
      depthAt[i] = depth;
      work.push(i);
    } else if (depthAt[i] !== depth) {
      errors.push(`${where(i)}: inconsistent depth ${depthAt[i]} vs ${depth} (from ${from})`);
    }
  };

  // Handler entry depths from the exception table.
  for (const e of co.exceptionTable) {
    if (e.start < 0 || e.end > n || e.start >= e.end) errors.push(`bad exception range ${e.start}..${e.end}`);
  }

  reach(0, 0, "entry");
  while (work.length > 0 && errors.length < 20) {
    const i = work.pop()!;
    const depth = depthAt[i];
    const op = co.code[2 * i];
    const arg = co.code[2 * i + 1];
    const spec = OPCODES[op];
    if (spec === undefined) {
      errors.push(`${co.qualname}@${i}: unknown opcode ${op}`);
      continue;
    }
    const popped = spec.pops(arg);
    if (popped > depth) {
      errors.push(`${where(i)}: pops ${popped} with depth ${depth}`);
      continue;
    }
    const after = depth - popped + spec.pushes(arg);
    if (after > co.stackSize) errors.push(`${where(i)}: depth ${after} above stackSize ${co.stackSize}`);
    // Exception edges: any instruction in a protected range may raise into the handler.
    for (const e of co.exceptionTable) {
      if (i >= e.start && i < e.end) {
        if (depth < e.depth) errors.push(`${where(i)}: depth ${depth} below handler depth ${e.depth}`);
        reach(e.target, e.depth + (e.lasti ? 1 : 0) + 1, `${where(i)} (exception)`);
      }
    }
    if (spec.jump) reach(arg, after, where(i));
    if (UNCONDITIONAL.has(spec.name) || EXITS.has(spec.name)) continue;
    if (i + 1 < n) reach(i + 1, after, where(i));
    else errors.push(`${where(i)}: falls off the end of the code`);
  }
  // A FOR_ITER must jump to an END_FOR (the eval loop resumes after it).
  for (let i = 0; i < n; i++) {
    if (co.code[2 * i] === Op.FOR_ITER) {
      const t = co.code[2 * i + 1];
      if (co.code[2 * t] !== Op.END_FOR) errors.push(`${where(i)}: target ${t} is not END_FOR`);
    }
  }
  return errors;
}
