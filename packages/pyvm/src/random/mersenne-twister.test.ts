// Differential tests of the MT19937 core against CPython: seeding from every
// seed type, random(), getrandbits(k) for k in 1..200, randbytes, and
// getstate/setstate, plus the reference MT19937 vectors.

import { describe, expect, it } from "vitest";
import { MersenneTwister } from "./mersenne-twister.js";
import { differential, fl, repeatOp, seedOp } from "./oracle.testutil.js";
import type { Op } from "./oracle.testutil.js";

/** Seeds of every kind random.seed accepts. */
const SEEDS: unknown[] = [
  0, 1, -1, 2, 42, 12345, -987654321, 2 ** 31 - 1, 2 ** 32 - 1, 2 ** 32, -(2 ** 32), 2 ** 53 - 1,
  2n ** 53n, 2n ** 64n - 1n, 2n ** 64n, -(2n ** 64n) - 7n, 10n ** 100n, -(3n ** 200n),
  "", "a", "hello", "Hello, World!", "héllo wörld", "日本語テキスト", "😀 emoji 𝄞", "x".repeat(1000),
  new Uint8Array([]), new Uint8Array([0]), new Uint8Array([0, 0, 1, 2, 3]), new Uint8Array([255, 254, 0, 128]),
  fl(0.5), fl(-1.5), fl(5.0), fl(-5.0), fl(-1.0), fl(0.0), fl(-0.0), fl(1e300), fl(-1e-300), fl(5e-324),
  fl(Infinity), fl(-Infinity), fl(2 ** 70), fl(3.141592653589793), 0.1, -2.5e-10,
];

const seedCases: Op[][] = SEEDS.map((s) => [
  seedOp(s),
  repeatOp(8, "random"),
  ...Array.from({ length: 200 }, (_, k): Op => ["getrandbits", [k + 1]]),
  repeatOp(3, "random"),
  ["getstate", []],
]);

const versionOneCases: Op[][] = ["", "a", "hello", "日本語", "😀", new Uint8Array([0, 200, 7])].map((s) => [
  seedOp(s, 1),
  repeatOp(5, "random"),
]);

const otherVersionCases: Op[][] = [
  [seedOp(7, 1), repeatOp(3, "random")],
  [seedOp(-(7n ** 40n), 1), repeatOp(3, "random")],
  [seedOp(fl(2.5), 1), repeatOp(3, "random")],
];

/** Long runs cross the 624-word twist boundary many times. */
const longCases: Op[][] = [
  [seedOp(2024), repeatOp(3000, "random")],
  [seedOp(99), repeatOp(1000, "getrandbits", [32]), repeatOp(200, "getrandbits", [1000])],
  [seedOp("long"), repeatOp(700, "getrandbits", [53]), repeatOp(700, "getrandbits", [33])],
];

const bitsCases: Op[][] = [
  [seedOp(5), ["getrandbits", [0]], ["getrandbits", [4096]], ["getrandbits", [12345]], ["getrandbits", [-1]]],
  [seedOp(5), ["getrandbits", [2n ** 31n]], ["getrandbits", [-(2n ** 31n) - 1n]], ["getrandbits", [2 ** 40]]],
];

const bytesCases: Op[][] = [
  [seedOp(11), ...Array.from({ length: 20 }, (_, n): Op => ["randbytes", [n]]), ["randbytes", [1000]], ["randbytes", [-1]]],
  [seedOp("bytes"), ["randbytes", [2 ** 28]], ["randbytes", [3]]],
];

const STATE_SIZE = 625;
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

const stateCases: Op[][] = [
  // Restoring a captured state replays the same stream, gauss_next included.
  [seedOp(3), ["gauss", []], ["getstate", []], repeatOp(5, "random")],
  [seedOp(3), ["setstate", [3, [...zeros(623), 1, 5], null]], repeatOp(5, "random"), ["getstate", []]],
  [seedOp(3), ["setstate", [3, [...zeros(624).map((_, i) => i * 2654435761), 624], fl(0.25)]], ["gauss", []], repeatOp(3, "random")],
  [seedOp(3), ["setstate", [2, [...zeros(624).map((_, i) => -i * 7919 - 1), 10], null]], repeatOp(3, "random"), ["getstate", []]],
  [seedOp(3), ["setstate", [3, [...zeros(624).map(() => 2n ** 40n + 5n), 0], null]], ["getstate", []]],
  // Invalid states: every check CPython makes, leaving the state intact.
  [seedOp(3), ["setstate", [3, zeros(STATE_SIZE - 1), null]], ["random", []]],
  [seedOp(3), ["setstate", [3, [...zeros(624), 625], null]], ["random", []]],
  [seedOp(3), ["setstate", [3, [...zeros(624), -1], null]], ["random", []]],
  [seedOp(3), ["setstate", [3, [-1, ...zeros(624)], null]], ["random", []]],
  [seedOp(3), ["setstate", [3, [2n ** 64n, ...zeros(624)], null]], ["random", []]],
  [seedOp(3), ["setstate", [3, [...zeros(624), 2n ** 70n], null]], ["random", []]],
  [seedOp(3), ["setstate", [4, zeros(STATE_SIZE), null]], ["random", []]],
];

const floatHashCases: Op[][] = [
  [0.5, -1.5, 1e300, -1e300, 5e-324, 2 ** 70, -(2 ** 61), 2 ** 61 - 1, 1 / 3, -1, 1e-310, 123.456, Infinity, -Infinity].map(
    (x): Op => ["float_hash", [fl(x)]],
  ),
];

const errorCases: Op[][] = [[seedOp("ab\ud800c")], [seedOp("\udc00")], [seedOp("😀\ud83d")]];

const diff = differential({
  seeds: seedCases,
  versionOne: versionOneCases,
  otherVersions: otherVersionCases,
  long: longCases,
  getrandbits: bitsCases,
  randbytes: bytesCases,
  state: stateCases,
  floatHash: floatHashCases,
  seedErrors: errorCases,
});

describe("MT19937 core vs CPython 3.11", () => {
  it.each(diff.names)("%s", (name) => {
    expect(diff.mismatchesFor(name)).toEqual([]);
  });
});

describe("MT19937 reference vectors", () => {
  it("init_genrand(5489) gives the reference first outputs", () => {
    const mt = new MersenneTwister(0);
    mt.initGenrand(5489);
    expect([mt.genrandUint32(), mt.genrandUint32(), mt.genrandUint32()]).toEqual([3499211612, 581869302, 3890346734]);
  });

  it("init_by_array({0x123, 0x234, 0x345, 0x456}) matches mt19937ar.out", () => {
    const mt = new MersenneTwister(0);
    mt.initByArray([0x123, 0x234, 0x345, 0x456]);
    const first = Array.from({ length: 5 }, () => mt.genrandUint32());
    expect(first).toEqual([1067595299, 955945823, 477289528, 4107218783, 4228976476]);
  });

  it("getrandbitsNumber agrees with getrandbits for k <= 53", () => {
    for (let k = 0; k <= 53; k++) {
      const a = new MersenneTwister(k);
      const b = new MersenneTwister(k);
      for (let i = 0; i < 50; i++) expect(BigInt(a.getrandbitsNumber(k))).toBe(b.getrandbits(k));
    }
  });
});
