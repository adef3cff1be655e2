/**
 * Tests for the measuring machinery itself: the probe set, the transition search on predicates
 * whose answer is known, and the table over every strategy (each row equal to that strategy's
 * INFO.unaware — the same comparison the per-strategy suite makes, here through unawareTable()).
 */
import { BASELINE_INFO, BaselineStrategy, type Ref, type StrategyInfo } from "@immortal/heap";
import { STRATEGY_NAMES, strategyInfo } from "@immortal/strategies";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  MAX_UNAWARE_OPERATIONS,
  firstTransition,
  formatUnawareTable,
  measureUnaware,
  probeCounts,
  unawareTable,
} from "./unaware-table.js";

/**
 * A made-up design the measurement has never seen: immortal iff the count is exactly 1000, far
 * from any power of two. Its INFO still carries the baseline's unaware record, so a measurement
 * that read INFO instead of running the scenarios would report the baseline's numbers.
 */
class SentinelAt1000 extends BaselineStrategy {
  override readonly info: StrategyInfo = { ...BASELINE_INFO, name: "sentinel-at-1000", hasImmortality: true, granularity: "object" };
  override incref(o: Ref): void {
    if (!this.isImmortal(o)) super.incref(o);
  }
  override decref(o: Ref): boolean {
    return this.isImmortal(o) ? false : super.decref(o);
  }
  override isImmortal(o: Ref): boolean {
    return this.refcount(o) === 1000n;
  }
  override makeImmortal(o: Ref): boolean {
    this.setRefcount(o, 1000);
    return true;
  }
}

describe("probeCounts", () => {
  it("is sorted, unique, within [1, max], and brackets each boundary seen from the start value", () => {
    const start = 0xc000_0000n;
    const probes = probeCounts(start, MAX_UNAWARE_OPERATIONS);
    for (let i = 1; i < probes.length; i++) expect(probes[i - 1] < probes[i]).toBe(true);
    expect(probes[0]).toBe(1n);
    expect(probes[probes.length - 1] <= MAX_UNAWARE_OPERATIONS).toBe(true);
    // start − 2^31 (down to the sign bit of the low word) and 2^32 − start (up to the carry), ±2.
    for (const centre of [start - (1n << 31n), (1n << 32n) - start, start]) {
      for (let d = -2n; d <= 2n; d++) expect(probes).toContain(centre + d);
    }
  });
});

describe("firstTransition", () => {
  const probes = probeCounts(1000n, MAX_UNAWARE_OPERATIONS);

  it("finds a threshold that lies between probes, exactly", () => {
    const t = 123_456_789_012n;
    expect(firstTransition((n) => n >= t, probes)).toBe(t);
  });

  it("finds the first of several changes", () => {
    // Changed on [1000, 2000) only: the first transition is 1000 even though the answer flips back.
    expect(firstTransition((n) => n >= 1000n && n < 2000n, probes)).toBe(1000n);
  });

  it("returns null when no probe changes the answer", () => {
    expect(firstTransition(() => false, probes)).toBeNull();
  });

  it("refuses a scenario that has changed before any operation", () => {
    expect(() => firstTransition(() => true, probes)).toThrow(/before any operation/);
  });
});

describe("measureUnaware", () => {
  it("runs the scenarios rather than reading INFO (a sentinel at 1000)", () => {
    expect(measureUnaware(new SentinelAt1000()).behaviour).toEqual({
      immortalAfterBalancedPair: true,
      immortalDuringBalancedPair: false,
      decrefsToLoseImmortality: 1n,
      decrefsToFree: 1000n,
      increfsToLoseImmortality: 1n,
      mortalOverflow: "becomes-immortal",
      // From 1, 999 increfs reach the sentinel.
      mortalIncrefsToImmortal: 999n,
    });
  });
});

describe("unawareTable", () => {
  const rows = unawareTable();

  it("measures every strategy, in STRATEGY_NAMES order", () => {
    expect(rows.map((r) => r.strategy)).toEqual([...STRATEGY_NAMES]);
  });

  it.each(STRATEGY_NAMES)("%s: the measured row equals INFO.unaware", (name) => {
    expect(rows.find((r) => r.strategy === name)?.behaviour).toEqual(strategyInfo(name).unaware);
  });

  it("formats as a Markdown table with one row per strategy", () => {
    const lines = formatUnawareTable(rows).split("\n");
    expect(lines).toHaveLength(2 + STRATEGY_NAMES.length);
    expect(lines[2]).toMatch(/^\| baseline \| no \| no \| never \| never \| never \| wraps \| never \|$/);
    for (const line of lines) expect(line.split("|")).toHaveLength(10);
  });

  it("README.md shows the table as measured", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const start = "<!-- unaware-table:start -->\n";
    const block = readme.slice(readme.indexOf(start) + start.length, readme.indexOf("<!-- unaware-table:end -->"));
    expect(block.trimEnd()).toBe(formatUnawareTable(rows));
  });
});
