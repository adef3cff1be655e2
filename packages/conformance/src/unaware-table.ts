/**
 * Measures what code unaware of immortality does to each strategy's objects, by running the
 * scenarios of {@link UnawareBehaviour} on a real heap — never by reading a strategy's INFO. The
 * conformance suite compares the measurements with each INFO.unaware; the bench and the report
 * can print {@link unawareTable} as measured behaviour.
 *
 * "Unaware" operations are the heap's plain 64-bit arithmetic on the refcount words
 * (`heap.unawareAdd`), applied in bulk: n unmatched decrements are one `unawareAdd(o, -n)`, which
 * deallocates when the count passes through zero exactly as n single decrements would. Aware
 * increments of a mortal object near the top of its range are reached by setting the count just
 * below a boundary (`setRefcount`, or direct word writes past 2^53) and then calling `incref`.
 *
 * How a threshold is found without scanning 2^64 values: every design here changes its answer
 * where the 64-bit count crosses a power of two, three times a power of two, or its own immortal
 * value. The search probes each count within ±2 of every such boundary (seen from the object's
 * starting value, in both directions), in increasing order, takes the first probe where the
 * answer changed, and binary-searches between it and the probe before. The result is checked
 * at n − 1 and n. A transition hidden strictly between two probes and undone before the next
 * one would be missed; none of the designs has one, and the suite's replays of each INFO number
 * (one below and at the threshold) would disagree if one did.
 */
import {
  Heap,
  readRefcount64,
  writeRefcount64,
  type RefcountStrategy,
  type Ref,
  type RegisteredType,
  type UnawareBehaviour,
} from "@immortal/heap";
import { STRATEGIES, STRATEGY_NAMES, type StrategyName } from "@immortal/strategies";

/** 2^64: one past the largest 64-bit count. */
const TWO_POW_64 = 1n << 64n;
/**
 * Unmatched unaware operations are counted up to 2^63 − 1: past that, n operations on a 64-bit
 * `Py_ssize_t` have wrapped it and "the count after n decrements" no longer means anything.
 */
export const MAX_UNAWARE_OPERATIONS = (1n << 63n) - 1n;

/** One strategy's measured behaviour under unaware code. */
export interface MeasuredUnaware {
  /** The strategy's name as its INFO gives it. */
  strategy: string;
  /** The measurements, in the shape of `INFO.unaware`. */
  behaviour: UnawareBehaviour;
}

/** What one aware incref did to a mortal object set to a given count. */
export interface IncrefOutcome {
  /** `refcount()` after the incref. */
  after: bigint;
  /** `isImmortal()` after the incref. */
  immortalAfter: boolean;
  /** `refcount()` after a second incref (to tell saturation from a count that keeps climbing). */
  afterSecond: bigint;
}

/** The boundaries every probe set is built around: 2^k and 3·2^k for k = 0..64, and 0. */
function boundaries(): bigint[] {
  const out: bigint[] = [0n];
  for (let k = 0n; k <= 64n; k++) out.push(1n << k, 3n << k);
  return out;
}

/**
 * Probe counts for a search: within ±2 of each boundary, of each boundary's distance from
 * `start` in either direction, and of each extra anchor; kept in [1, max], sorted, unique.
 */
export function probeCounts(start: bigint, max: bigint, anchors: readonly bigint[] = []): bigint[] {
  const centres = new Set<bigint>(anchors);
  for (const b of boundaries()) {
    centres.add(b);
    centres.add(start - b);
    centres.add(b - start);
  }
  const probes = new Set<bigint>();
  for (const c of centres) {
    for (let d = -2n; d <= 2n; d++) {
      const n = c + d;
      if (n >= 1n && n <= max) probes.add(n);
    }
  }
  return [...probes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The smallest n ≥ 1 at which `changed(n)` first holds, searched as described at the top of this
 * file, or null if no probe changed. `changed(0)` must be false (nothing done yet).
 * @throws Error if the transition found does not check out at n − 1 and n.
 */
export function firstTransition(changed: (n: bigint) => boolean, probes: readonly bigint[]): bigint | null {
  if (changed(0n)) throw new Error("the scenario reports a change before any operation");
  let lo = 0n;
  const first = probes.find((p) => {
    if (changed(p)) return true;
    lo = p;
    return false;
  });
  if (first === undefined) return null;
  // Invariant: changed(lo) is false, changed(hi) is true.
  let hi = first;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (changed(mid)) hi = mid;
    else lo = mid;
  }
  if (changed(hi - 1n) || !changed(hi)) throw new Error(`transition at ${hi} does not reproduce`);
  return hi;
}

/**
 * A heap with one strategy and the scenarios of {@link UnawareBehaviour} as methods. Each scenario
 * starts from a fresh object, so scenarios are independent of one another and of their order.
 */
export class UnawareProbe {
  readonly heap: Heap;
  private readonly leaf: RegisteredType;
  /** The type fresh immortal objects are allocated from (an immortal type where only types can be immortal). */
  private readonly immortalSource: RegisteredType | null;
  /** The raw 64-bit refcount words of a fresh immortal object (what unaware arithmetic starts from). */
  readonly startValue: bigint;
  /** `refcount()` of a fresh immortal object. */
  readonly immortalRefcount: bigint | null;

  constructor(strategy: RefcountStrategy) {
    this.heap = new Heap({ strategy, initialBytes: 1 << 20 });
    this.leaf = this.heap.registerType({ name: "leaf", basicSize: 8 });
    this.immortalSource = this.findImmortalSource();
    if (this.immortalSource === null) {
      this.startValue = 0n;
      this.immortalRefcount = null;
    } else {
      const o = this.freshImmortal();
      this.startValue = readRefcount64(this.heap.mem, o);
      this.immortalRefcount = this.heap.refcount(o);
    }
  }

  /** Can this strategy make a freshly allocated object immortal at all? */
  get hasImmortals(): boolean {
    return this.immortalSource !== null;
  }

  /**
   * The type whose fresh instances `heap.makeImmortal` turns immortal: the plain leaf if the
   * strategy marks single objects; else a leaf type declared immortal (type-based immortality);
   * else none (no immortality at all).
   */
  private findImmortalSource(): RegisteredType | null {
    const heap = this.heap;
    if (heap.makeImmortal(heap.allocate(this.leaf.id))) return this.leaf;
    const immortalLeaf = heap.registerType({ name: "immortal-leaf", basicSize: 8 });
    heap.types.setTypeImmortal(immortalLeaf.id);
    const o = heap.allocate(immortalLeaf.id);
    if (heap.makeImmortal(o) && heap.isImmortal(o)) return immortalLeaf;
    return null;
  }

  /** A freshly allocated object (count 1) made immortal with `heap.makeImmortal`. */
  freshImmortal(): Ref {
    if (this.immortalSource === null) throw new Error(`${this.heap.info.name} cannot make an object immortal`);
    const o = this.heap.allocate(this.immortalSource.id);
    if (!this.heap.makeImmortal(o) || !this.heap.isImmortal(o)) {
      throw new Error(`${this.heap.info.name}: makeImmortal on a fresh object did not make it immortal`);
    }
    return o;
  }

  /** One unaware `++` then one unaware `--` on a fresh immortal: is it immortal (and alive) between and after? */
  balancedPair(): { during: boolean; after: boolean } {
    const heap = this.heap;
    const o = this.freshImmortal();
    heap.unawareIncref(o);
    const during = heap.isLive(o) && heap.isImmortal(o);
    heap.unawareDecref(o);
    const after = heap.isLive(o) && heap.isImmortal(o);
    return { during, after };
  }

  /** After n unmatched unaware decrefs, is a fresh immortal alive and reading mortal? */
  mortalAfterDecrefs(n: bigint): boolean {
    const o = this.freshImmortal();
    this.heap.unawareAdd(o, -n);
    return this.heap.isLive(o) && !this.heap.isImmortal(o);
  }

  /** After n unmatched unaware decrefs, has a fresh immortal been freed? */
  freedAfterDecrefs(n: bigint): boolean {
    const o = this.freshImmortal();
    this.heap.unawareAdd(o, -n);
    return !this.heap.isLive(o);
  }

  /** After n unaware increfs, does a fresh immortal read mortal? */
  mortalAfterIncrefs(n: bigint): boolean {
    const o = this.freshImmortal();
    this.heap.unawareAdd(o, n);
    return this.heap.isLive(o) && !this.heap.isImmortal(o);
  }

  /**
   * Put a mortal object at `count` — with `setRefcount` while the value is an exact double, by
   * writing both refcount words beyond that — and report whether it reads back as that mortal count.
   */
  setMortalCount(o: Ref, count: bigint): boolean {
    if (count <= BigInt(Number.MAX_SAFE_INTEGER)) this.heap.rc.setRefcount(o, Number(count));
    else writeRefcount64(this.heap.mem, o, count);
    return this.heap.refcount(o) === count && !this.heap.isImmortal(o);
  }

  /** A fresh mortal object set to `count`, then increfed twice; null if `count` cannot be set as a mortal count. */
  increfFrom(count: bigint): IncrefOutcome | null {
    const heap = this.heap;
    const o = heap.allocate(this.leaf.id);
    if (!this.setMortalCount(o, count)) return null;
    heap.incref(o);
    const after = heap.refcount(o);
    const immortalAfter = heap.isImmortal(o);
    heap.incref(o);
    return { after, immortalAfter, afterSecond: heap.refcount(o) };
  }

  /** Does one aware incref from mortal `count` behave as a plain counter's would (mortal, count + 1)? */
  increfIsOrdinary(count: bigint): boolean {
    const r = this.increfFrom(count);
    return r !== null && !r.immortalAfter && r.after === count + 1n;
  }

  /**
   * The top of the mortal range: the smallest mortal count m from which one aware incref does not
   * simply give m + 1, what it does instead, and (if that is immortality) how many increfs from 1
   * reach it — m, since the count after k increfs from 1 is 1 + k.
   */
  mortalOverflow(): { kind: UnawareBehaviour["mortalOverflow"]; at: bigint; increfsToImmortal: bigint | null } {
    const anchors = this.immortalRefcount === null ? [] : [this.immortalRefcount, this.startValue];
    const m = firstTransition((c) => c > 0n && !this.increfIsOrdinary(c), probeCounts(1n, TWO_POW_64 - 1n, anchors));
    if (m === null) throw new Error(`${this.heap.info.name}: no mortal count below 2^64 misbehaves on incref`);
    const r = this.increfFrom(m);
    if (r === null) throw new Error(`${this.heap.info.name}: cannot set the mortal count ${m}`);
    if (r.immortalAfter && r.after === m + 1n) return { kind: "becomes-immortal", at: m, increfsToImmortal: m };
    if (r.after !== m + 1n && r.afterSecond === r.after) {
      return { kind: "saturates", at: m, increfsToImmortal: r.immortalAfter ? m : null };
    }
    if (!r.immortalAfter && r.after < m) return { kind: "wraps", at: m, increfsToImmortal: null };
    throw new Error(`${this.heap.info.name}: incref from ${m} gave ${r.after} (immortal: ${r.immortalAfter}), then ${r.afterSecond}`);
  }
}

/** Run every scenario of {@link UnawareBehaviour} against a fresh instance of a strategy. */
export function measureUnaware(strategy: RefcountStrategy): MeasuredUnaware {
  const probe = new UnawareProbe(strategy);
  const overflow = probe.mortalOverflow();
  const common = { mortalOverflow: overflow.kind, mortalIncrefsToImmortal: overflow.increfsToImmortal };
  if (!probe.hasImmortals) {
    // Without an immortal object the scenarios have nothing to act on: nothing is immortal during
    // or after a pair, and no count of unaware operations takes immortality away or frees one.
    return {
      strategy: strategy.info.name,
      behaviour: {
        immortalAfterBalancedPair: false,
        immortalDuringBalancedPair: false,
        decrefsToLoseImmortality: null,
        decrefsToFree: null,
        increfsToLoseImmortality: null,
        ...common,
      },
    };
  }
  const probes = probeCounts(probe.startValue, MAX_UNAWARE_OPERATIONS);
  const pair = probe.balancedPair();
  return {
    strategy: strategy.info.name,
    behaviour: {
      immortalAfterBalancedPair: pair.after,
      immortalDuringBalancedPair: pair.during,
      decrefsToLoseImmortality: firstTransition((n) => probe.mortalAfterDecrefs(n), probes),
      decrefsToFree: firstTransition((n) => probe.freedAfterDecrefs(n), probes),
      increfsToLoseImmortality: firstTransition((n) => probe.mortalAfterIncrefs(n), probes),
      ...common,
    },
  };
}

/** Measured unaware behaviour of the named strategies (default: all, in {@link STRATEGY_NAMES} order). */
export function unawareTable(names: readonly StrategyName[] = STRATEGY_NAMES): MeasuredUnaware[] {
  return names.map((name) => measureUnaware(STRATEGIES[name]()));
}

/** A count as a table cell: decimal with thousands separators, "never" for null. */
function cell(n: bigint | null): string {
  return n === null ? "never" : n.toLocaleString("en-US");
}

/** The measured table as Markdown, one row per strategy. */
export function formatUnawareTable(rows: readonly MeasuredUnaware[]): string {
  const yesNo = (b: boolean): string => (b ? "yes" : "no");
  const lines = [
    "| strategy | immortal during ++/-- pair | immortal after pair | unaware decrefs to lose immortality | unaware decrefs to free | unaware increfs to lose immortality | mortal overflow | aware increfs to immortal |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const b = r.behaviour;
    lines.push(
      `| ${r.strategy} | ${yesNo(b.immortalDuringBalancedPair)} | ${yesNo(b.immortalAfterBalancedPair)} | ${cell(b.decrefsToLoseImmortality)} | ${cell(b.decrefsToFree)} | ${cell(b.increfsToLoseImmortality)} | ${b.mortalOverflow} | ${cell(b.mortalIncrefsToImmortal)} |`,
    );
  }
  return lines.join("\n");
}
