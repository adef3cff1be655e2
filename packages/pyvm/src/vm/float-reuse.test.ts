// Float +, − and × reuse a uniquely referenced operand, as CPython 3.12's specialized
// BINARY_OP_*_FLOAT do (DECREF_INPUTS_AND_REUSE_FLOAT): counted here by allocations per call,
// and checked to change nothing a program can see.
import { createStrategy, STRATEGY_NAMES } from "@immortal/strategies";
import { describe, expect, it } from "vitest";
import { countersDelta, Interpreter } from "../interpreter.js";

const PROGRAM = `
def fused(a, b, c):
    # a * b is a temporary (one reference, on the stack): the + stores into it
    return a * b + c

def named(a, b):
    # both operands are also held by locals: a new float, as without reuse
    return a - b

def chain(a):
    # ((a + 1.5) * 2.0 - 0.25): the first result is reused by the next two operations
    return (a + 1.5) * 2.0 - 0.25

def divide(a, b):
    # / is not specialized with reuse: a new float, which the + then reuses
    return a / b + 0.0

def aliases(a):
    x = a * 1.0
    y = x + x      # x has two references (a local and the stack twice): a new float
    return y, x
`;

function allocationsPerCall(strategy: string, name: string, ...args: number[]): { value: unknown; allocations: number } {
  const interp = new Interpreter({ strategy: createStrategy(strategy), stdout: () => {}, stderr: () => {}, checked: true });
  expect(interp.load(PROGRAM, "floats.py").status).toBe("ok");
  interp.call(name, ...args); // warm up
  const before = interp.counters();
  const r = interp.call(name, ...args);
  const after = interp.counters();
  if (r.status !== "ok") throw new Error(`${name}: ${JSON.stringify(r)}`);
  return { value: r.value, allocations: countersDelta(before, after).allocations };
}

describe("float operand reuse (3.12's specialized float arithmetic)", () => {
  it.each(STRATEGY_NAMES)("allocates only where no operand is uniquely referenced (%s)", (strategy) => {
    // Arguments arrive as new floats (non-integral: integral numbers would arrive as ints).
    expect(allocationsPerCall(strategy, "fused", 1.5, 2.5, 0.25)).toEqual({ value: 4, allocations: 3 + 1 });
    expect(allocationsPerCall(strategy, "named", 1.5, 2.25)).toEqual({ value: -0.75, allocations: 2 + 1 });
    expect(allocationsPerCall(strategy, "chain", 1.25)).toEqual({ value: 5.25, allocations: 1 + 1 });
    expect(allocationsPerCall(strategy, "divide", 3.5, 0.5)).toEqual({ value: 7, allocations: 2 + 1 });
    expect(allocationsPerCall(strategy, "aliases", 2.5)).toEqual({ value: [5, 2.5], allocations: 1 + 2 + 1 });
  });
});
