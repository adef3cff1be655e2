// Differential tests of the real-valued distributions (gauss, normalvariate,
// lognormvariate, expovariate, vonmisesvariate, gammavariate, betavariate,
// paretovariate, weibullvariate) and of the Python float semantics they rely
// on (math.log/exp/cos/sin/acos/sqrt, float ** and %), against CPython 3.11.
// These go through the glibc-matching libm ports, so they must match bit for
// bit on the x86-64 glibc CPython these tests run against.

import { describe, expect, it } from "vitest";
import { differential, fl, repeatOp, seedOp } from "./oracle.testutil.js";
import type { Op } from "./oracle.testutil.js";

const SEEDS: unknown[] = [0, 1, 7, 42, 2024, -99, 10n ** 30n, "dist", "ñ", new Uint8Array([9, 9])];
const perSeed = (ops: Op[]): Op[][] => SEEDS.map((s) => [seedOp(s), ...ops]);
const f = fl;

const gaussCases = perSeed([
  repeatOp(200, "gauss"),
  repeatOp(50, "gauss", [f(10), f(2.5)]),
  ["gauss", [f(-3), f(0.001)]],
  seedOp(5), // reseeding drops the cached second value
  repeatOp(3, "gauss"),
  ["getstate", []],
  repeatOp(100, "normalvariate"),
  repeatOp(50, "normalvariate", [f(100), f(15)]),
  repeatOp(100, "lognormvariate", [f(0), f(1)]),
  repeatOp(20, "lognormvariate", [f(1.5), f(0.25)]),
  ["lognormvariate", [f(0), f(1e300)]],
]);

const expoCases = perSeed([
  ...[1, 0.5, 2, 1e-3, 1e3, -1, -0.25].map((l): Op => repeatOp(60, "expovariate", [f(l)])),
  ["expovariate", [f(0)]],
  ["random", []],
]);

const vonMisesCases = perSeed([
  ...[0, 1e-7, 1e-6, 0.5, 1, 4, 50, 1000].map((k): Op => repeatOp(40, "vonmisesvariate", [f(1), f(k)])),
  ...[-10, 0, Math.PI, 7, 100].map((mu): Op => repeatOp(20, "vonmisesvariate", [f(mu), f(2)])),
]);

const gammaCases = perSeed([
  ...[0.01, 0.1, 0.5, 0.9, 0.999, 1, 1.0001, 1.5, 2, 20, 200, 1e6].map((a): Op => repeatOp(40, "gammavariate", [f(a), f(1)])),
  repeatOp(20, "gammavariate", [f(0.3), f(2.5)]),
  repeatOp(20, "gammavariate", [f(3.3), f(0.1)]),
  ["gammavariate", [f(0), f(1)]],
  ["gammavariate", [f(1), f(-1)]],
  ...[[0.5, 0.5], [1, 1], [2, 5], [0.1, 3], [30, 0.7]].map(([a, b]): Op => repeatOp(30, "betavariate", [f(a), f(b)])),
  ["betavariate", [f(-1), f(1)]],
]);

const tailCases = perSeed([
  ...[0.5, 1, 3, 100].map((a): Op => repeatOp(40, "paretovariate", [f(a)])),
  ["paretovariate", [f(0)]],
  ["paretovariate", [f(1e-3)]],
  repeatOp(5, "paretovariate", [f(0.01)]),
  ...[[1, 1], [2, 0.5], [0.5, 5], [3, 100], [1, -2]].map(([a, b]): Op => repeatOp(40, "weibullvariate", [f(a), f(b)])),
  ["weibullvariate", [f(1), f(0)]],
  ["random", []],
]);

/** Python float semantics of the operations the distributions use. */
const SPECIAL = [0, -0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1e308, -1e308, 5e-324, Infinity, -Infinity, NaN];
/** Negative finite ** non-integral finite is complex in Python; random never does it. */
const isComplexPow = (x: number, y: number): boolean => x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y);

const semanticsCases: Op[][] = [
  SPECIAL.flatMap((x) => SPECIAL.filter((y) => !isComplexPow(x, y)).map((y): Op => ["float_pow", [f(x), f(y)]])),
  SPECIAL.flatMap((x) => [6.283185307179586, -6.283185307179586, 0, 1.5, Infinity].map((y): Op => ["float_mod", [f(x), f(y)]])),
  [...SPECIAL, 710, -746, 1e-320].flatMap((x) =>
    ["log", "exp", "sqrt", "cos", "sin", "acos"].map((fn): Op => ["math", [fn, f(x)]]),
  ),
  [0.1, 0.7, 1.5, 10, 1e-300, 123.456].flatMap((x) => [0.3, -0.3, 2.5, 1 / 3, 700, -700].map((y): Op => ["float_pow", [f(x), f(y)]])),
];

const diff = differential({
  gauss: gaussCases,
  expovariate: expoCases,
  vonmisesvariate: vonMisesCases,
  gammaBeta: gammaCases,
  paretoWeibull: tailCases,
  floatSemantics: semanticsCases,
});

describe("PyRandom real distributions vs CPython 3.11", () => {
  it.each(diff.names)("%s", (name) => {
    expect(diff.mismatchesFor(name)).toEqual([]);
  });
});
