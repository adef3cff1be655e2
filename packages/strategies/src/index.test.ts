/**
 * The registry's own contract: the names and their order, one fresh instance per call, each
 * entry's INFO under its own name, and a clear error for a name that is not registered.
 */
import { BaselineStrategy } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import {
  STRATEGIES,
  STRATEGY_NAMES,
  UnknownStrategyError,
  createStrategy,
  isStrategyName,
  strategyInfo,
} from "./index.js";

describe("STRATEGY_NAMES", () => {
  it("lists the baseline first, then every design in its fixed order", () => {
    expect(STRATEGY_NAMES).toEqual([
      "baseline",
      "sentinel",
      "high-bit",
      "flag-field",
      "type-based",
      "side-table",
      "pyston",
      "cpython-3.12",
      "cpython-3.14",
      "linux-saturating",
    ]);
  });

  it("has exactly one factory per name", () => {
    expect(Object.keys(STRATEGIES).sort()).toEqual([...STRATEGY_NAMES].sort());
  });
});

describe.each(STRATEGY_NAMES)("%s", (name) => {
  it("createStrategy returns a fresh instance whose INFO carries this name", () => {
    const a = createStrategy(name);
    const b = createStrategy(name);
    expect(a).not.toBe(b);
    expect(a.info.name).toBe(name);
    expect(strategyInfo(name)).toBe(a.info);
    expect(isStrategyName(name)).toBe(true);
  });
});

describe("unknown names", () => {
  it("createStrategy and strategyInfo throw UnknownStrategyError listing every valid name", () => {
    for (const call of [() => createStrategy("cpython-3.13"), () => strategyInfo("cpython-3.13")]) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnknownStrategyError);
      const message = (error as Error).message;
      expect(message).toContain('"cpython-3.13"');
      for (const name of STRATEGY_NAMES) expect(message).toContain(name);
    }
    expect(isStrategyName("cpython-3.13")).toBe(false);
    // Names are matched exactly: no case folding, no package-name aliases.
    expect(isStrategyName("Baseline")).toBe(false);
    expect(isStrategyName("strategy-pyston")).toBe(false);
  });

  it("the baseline is the heap's own BaselineStrategy", () => {
    expect(createStrategy("baseline")).toBeInstanceOf(BaselineStrategy);
  });
});
