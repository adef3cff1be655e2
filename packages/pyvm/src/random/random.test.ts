// Differential tests of PyRandom's integer, sequence and uniform methods
// against CPython 3.11 (randrange, randint, choice, shuffle, sample,
// choices, uniform, triangular), including every error path. None of these
// touch libm, so they must match bit for bit.

import { describe, expect, it } from "vitest";
import { differential, fl, repeatOp, seedOp } from "./oracle.testutil.js";
import type { Op } from "./oracle.testutil.js";
import { PyRandom } from "./random.js";

const SEEDS: unknown[] = [0, 1, -3, 2024, 2n ** 80n + 1n, "seed", "ünïcödé", new Uint8Array([1, 2, 3]), fl(-2.5)];
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Runs `ops` once per seed, each on a freshly seeded generator. */
const perSeed = (ops: Op[]): Op[][] => SEEDS.map((s) => [seedOp(s), ...ops]);

const RANDRANGE_OK: unknown[][] = [
  [1], [2], [3], [7], [100], [2 ** 31], [2 ** 32], [2 ** 32 + 1], [2 ** 52 + 3], [MAX_SAFE], [2n ** 53n], [10n ** 30n],
  [0, 10], [-10, 10], [5, 6], [-(2 ** 40), 2 ** 40], [0, MAX_SAFE], [-(2 ** 52), 2 ** 52], [MAX_SAFE - 5, MAX_SAFE],
  [-MAX_SAFE, MAX_SAFE], [10n ** 20n, 10n ** 20n + 1000n], [-(10n ** 30n), 10n ** 30n], [3, 2n ** 70n], [-(2n ** 60n), 0],
  [0, 10, 2], [0, 10, 3], [10, 0, -1], [10, 0, -3], [-5, 5, 4], [0, 100, 7], [100, -100, -7], [0, MAX_SAFE, 3],
  [MAX_SAFE, -MAX_SAFE, -5], [0, 10n ** 25n, 7], [10n ** 25n, 0, -(10n ** 12n)], [0, 1, 1], [3, 10, 1n], [0, 5, 2n ** 64n],
  [0, 2 ** 52, 2 ** 51 + 1], [1, 2, -1 + 2], [5, null, 1], [5, null, 1n],
  [fl(5.0)], [fl(1e20)], [0, fl(10.0)], [0, 10, fl(2.0)], [fl(-4.0), fl(4.0), fl(3.0)],
];

const RANDRANGE_ERR: unknown[][] = [
  [0], [-5], [-(10n ** 30n)], [5, 5], [5, 3], [10n ** 20n, 10n ** 19n], [0, 10, 0], [0, 10, -1], [10, 0, 1], [10, 0, 2],
  [0, 0, -3], [5, null, 2], [5, null, -1], [fl(2.5)], [fl(NaN)], [fl(Infinity)], [fl(-Infinity)], [0, fl(10.5)],
  [0, 10, fl(1.5)], [0, fl(NaN)], [1, 2, fl(Infinity)], [fl(0.5), 10], [0, 10n ** 20n, 0], [-(2 ** 52), 2 ** 52, 0],
];

const RANDINT: unknown[][] = [
  [1, 6], [0, 0], [-5, 5], [0, MAX_SAFE - 1], [0, MAX_SAFE], [-(10n ** 30n), 10n ** 30n], [2 ** 32, 2 ** 33], [5, 3],
  [fl(1.0), fl(2.5)], [0, fl(3.0)], [0, fl(1e17)],
];

const randrangeCases = perSeed([
  ...RANDRANGE_OK.map((args): Op => repeatOp(12, "randrange", args)),
  ...RANDRANGE_ERR.map((args): Op => ["randrange", args]),
  ["random", []], // the errors above must not have consumed anything
]);

const randintCases = perSeed([...RANDINT.map((args): Op => ["randint", args]), ...RANDINT.slice(0, 7).map((a): Op => repeatOp(10, "randint", a))]);

const choiceCases = perSeed([
  ...[1, 2, 3, 5, 8, 13, 31, 32, 33, 64, 100, 1000].map((n): Op => repeatOp(10, "choice", [range(n)])),
  repeatOp(5, "choice", [["a", "b", "c"]]),
  repeatOp(5, "choice", ["xyz"]),
  ["choice", [[]]],
  ["random", []],
]);

const shuffleCases = perSeed([...[0, 1, 2, 3, 10, 31, 32, 33, 100, 1000].map((n): Op => ["shuffle", [range(n)]]), ["random", []]]);

/** (n, k) pairs around the pool/set switch points (setsize 21, 85, 277, 1045). */
const SAMPLE_SIZES: Array<[number, number]> = [
  [0, 0], [1, 0], [1, 1], [2, 2], [5, 3], [10, 5], [10, 10], [21, 5], [22, 5], [21, 6], [84, 6], [85, 6], [86, 6],
  [100, 5], [100, 50], [100, 100], [276, 22], [277, 22], [278, 22], [1000, 7], [1000, 1000], [1045, 87], [1046, 87],
  [5000, 100], [5000, 4000], [20000, 10],
];

const sampleCases = perSeed([
  ...SAMPLE_SIZES.map(([n, k]): Op => repeatOp(3, "sample", [range(n), k])),
  ["sample", [["a", "b", "c", "d"], 2]],
  ["sample", [[1, 2], 3]],
  ["sample", [[1, 2], -1]],
  ["sample", [[1, 2], fl(1.5)]],
  ["sample", [["a", "b", "c"], 4], { counts: [3, 0, 5] }],
  ["sample", [["a", "b", "c"], 8], { counts: [3, 0, 5] }],
  ["sample", [range(30), 20], { counts: new Array(30).fill(2) }],
  ["sample", [["x", "y", "z"], 10], { counts: [10n ** 20n, 5, 10n ** 19n] }],
  ["sample", [["x", "y", "z"], 10], { counts: [10n ** 18n, 5, 10n ** 17n] }],
  ["sample", [["x", "y", "z"], 3], { counts: [5, -2, 3] }],
  ["sample", [["a", "b"], 1], { counts: [0, 0] }],
  ["sample", [["a", "b"], 1], { counts: [1] }],
  ["sample", [[], 0], { counts: [] }],
  ["sample", [["a", "b"], 1], { counts: [1, fl(2.5)] }],
  ["sample", [["a", "b"], 9], { counts: [3, 4] }],
  ["sample_range", [10 ** 6, 60]],
  ["sample_range", [10n ** 30n, 10]],
  ["sample_range", [2n ** 53n + 5n, 3]],
  ["sample_range", [2n ** 63n - 1n, 8]],
  ["sample_range", [2n ** 63n, 8]],
  ["sample_range", [100, 100]],
  ["random", []],
]);

const choicesCases = perSeed([
  ["choices", [range(10)], { k: 20 }],
  ["choices", [["a", "b", "c"]]],
  ["choices", [range(1000)], { k: 50 }],
  ["choices", [range(5)], { k: 0 }],
  ["choices", [range(5)], { k: -3 }],
  ["choices", [["a", "b", "c"], [1, 2, 3]], { k: 20 }],
  ["choices", [["a", "b", "c"], [0.1, 0.2, 0.7]], { k: 20 }],
  ["choices", [["a", "b", "c"], [0, 0, 1]], { k: 5 }],
  ["choices", [["a", "b", "c"]], { cum_weights: [1, 1.5, 10], k: 20 }],
  ["choices", [range(50), range(50).map((i) => (i * 0.37) % 1)], { k: 30 }],
  ["choices", [["a", "b", "c"], [1e300, 1e300, 1e308]], { k: 5 }],
  ["choices", [["a"], [1]], { cum_weights: [1] }],
  ["choices", [["a", "b"], [1]]],
  ["choices", [["a", "b"]], { cum_weights: [1, 2, 3] }],
  ["choices", [["a", "b"], [0, 0]]],
  ["choices", [["a", "b"], [-1, 0.5]]],
  ["choices", [["a", "b"], [1, fl(Infinity)]]],
  ["choices", [["a", "b"], [1, fl(NaN)]]],
  ["choices", [["a", "b"], [fl(-Infinity), 1]]],
  ["choices", [[], []]],
  ["choices", [[]], { k: 0 }],
  ["choices", [[]], { k: 1 }],
  ["choices", [[1, 2]], { k: fl(2.5) }],
  ["choices", [[1, 2], [1, 2]], { k: fl(2.5) }],
  ["random", []],
]);

const uniformCases = perSeed([
  ...[[0, 1], [-5, 5], [1e10, 1e10 + 1], [3, 3], [10, -10], [fl(0.1), fl(0.7)], [-1e308, 1e308]].map(
    (a): Op => repeatOp(10, "uniform", a),
  ),
  ...[[], [0, 1], [0, 10, 2], [fl(5.0), fl(5.0), fl(5.0)], [0, 1, 5], [0, 1, -5], [10, 0], [2, 2], [1, 3, 1], [1, 3, 3]].map(
    (a): Op => repeatOp(10, "triangular", a),
  ),
]);

const diff = differential({
  randrange: randrangeCases,
  randint: randintCases,
  choice: choiceCases,
  shuffle: shuffleCases,
  sample: sampleCases,
  choices: choicesCases,
  uniform: uniformCases,
});

describe("PyRandom integer and sequence methods vs CPython 3.11", () => {
  it.each(diff.names)("%s", (name) => {
    expect(diff.mismatchesFor(name)).toEqual([]);
  });
});

describe("PyRandom result representation", () => {
  it("returns numbers for safe results and bigints beyond", () => {
    const r = new PyRandom(1);
    expect(typeof r.randrange(10)).toBe("number");
    expect(typeof r.randrange(10n)).toBe("number");
    expect(typeof r.randrange(10n ** 30n, 10n ** 30n + 5n)).toBe("bigint");
    expect(typeof r.getrandbits(200)).toBe("bigint");
    expect(typeof r.getrandbits(53)).toBe("number");
  });

  it("accepts bigint arguments wherever an int is expected", () => {
    const a = new PyRandom(3);
    const b = new PyRandom(3);
    expect(a.sample([1, 2, 3, 4, 5], 3n)).toEqual(b.sample([1, 2, 3, 4, 5], 3));
    expect(a.choices(["x", "y"], null, null, 4n)).toEqual(b.choices(["x", "y"], null, null, 4));
    expect(a.randint(1n, 6n)).toBe(b.randint(1, 6));
    expect(a.getrandbits(20n)).toBe(b.getrandbits(20));
    expect(a.randbytes(3n)).toEqual(b.randbytes(3));
    expect(a.sampleIndices(10n ** 18n, 2n)).toEqual(b.sampleIndices(10n ** 18n, 2));
  });

  it("shuffles in place", () => {
    const x = range(20);
    new PyRandom(5).shuffle(x);
    expect([...x].sort((a, b) => a - b)).toEqual(range(20));
    expect(x).not.toEqual(range(20));
  });
});
