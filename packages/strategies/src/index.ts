/**
 * @immortal/strategies — every reference-count strategy of the project under one name-keyed
 * registry: the baseline (from @immortal/heap) and one entry per strategy package. The bench, the
 * conformance suite and any command line that takes `--strategy NAME` resolve names here, so the
 * list of names and their order are defined once.
 */
import { BASELINE_INFO, BaselineStrategy, type RefcountStrategy, type StrategyInfo } from "@immortal/heap";
import { CPYTHON_3_12_INFO, createStrategy as createCPython312 } from "@immortal/strategy-cpython-3-12";
import { CPYTHON_3_14_INFO, createStrategy as createCPython314 } from "@immortal/strategy-cpython-3-14";
import { FLAG_FIELD_INFO, createStrategy as createFlagField } from "@immortal/strategy-flag-field";
import { HIGH_BIT_INFO, createStrategy as createHighBit } from "@immortal/strategy-high-bit";
import { LINUX_SATURATING_INFO, createStrategy as createLinuxSaturating } from "@immortal/strategy-linux-saturating";
import { PYSTON_INFO, createStrategy as createPyston } from "@immortal/strategy-pyston";
import { SENTINEL_INFO, createStrategy as createSentinel } from "@immortal/strategy-sentinel";
import { SIDE_TABLE_INFO, createStrategy as createSideTable } from "@immortal/strategy-side-table";
import { TYPE_BASED_INFO, createStrategy as createTypeBased } from "@immortal/strategy-type-based";

/**
 * Every strategy name, in the order reports and tables list them: the baseline first (what every
 * design is compared against), then the designs from the simplest mark to the shipped runtimes,
 * then the kernel's peer design. The order is part of the API: results files and tables rely on it.
 */
export const STRATEGY_NAMES = [
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
] as const;

/** One of {@link STRATEGY_NAMES}. */
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** A factory returning a fresh strategy instance (one per heap: a strategy binds to the heap it is attached to). */
export type StrategyFactory = () => RefcountStrategy;

/** The factory for each strategy, keyed by name. Each call returns a new instance. */
export const STRATEGIES: Readonly<Record<StrategyName, StrategyFactory>> = Object.freeze({
  baseline: () => new BaselineStrategy(),
  sentinel: createSentinel,
  "high-bit": createHighBit,
  "flag-field": createFlagField,
  "type-based": createTypeBased,
  "side-table": createSideTable,
  pyston: createPyston,
  "cpython-3.12": createCPython312,
  "cpython-3.14": createCPython314,
  "linux-saturating": createLinuxSaturating,
});

/** Each package's exported INFO constant, so reading a description builds no strategy. */
const INFOS: Readonly<Record<StrategyName, StrategyInfo>> = {
  baseline: BASELINE_INFO,
  sentinel: SENTINEL_INFO,
  "high-bit": HIGH_BIT_INFO,
  "flag-field": FLAG_FIELD_INFO,
  "type-based": TYPE_BASED_INFO,
  "side-table": SIDE_TABLE_INFO,
  pyston: PYSTON_INFO,
  "cpython-3.12": CPYTHON_3_12_INFO,
  "cpython-3.14": CPYTHON_3_14_INFO,
  "linux-saturating": LINUX_SATURATING_INFO,
};

/** Thrown by {@link createStrategy} and {@link strategyInfo} for a name that is not in {@link STRATEGY_NAMES}. */
export class UnknownStrategyError extends Error {
  override readonly name = "UnknownStrategyError";
  constructor(readonly requested: string) {
    super(`unknown strategy ${JSON.stringify(requested)}; valid names: ${STRATEGY_NAMES.join(", ")}`);
  }
}

/** Is `name` one of {@link STRATEGY_NAMES}? */
export function isStrategyName(name: string): name is StrategyName {
  return (STRATEGY_NAMES as readonly string[]).includes(name);
}

/**
 * A fresh instance of the named strategy, ready to hand to `new Heap({ strategy })`.
 * @throws UnknownStrategyError listing the valid names.
 */
export function createStrategy(name: string): RefcountStrategy {
  if (!isStrategyName(name)) throw new UnknownStrategyError(name);
  return STRATEGIES[name]();
}

/**
 * The named strategy's published description (its package's INFO constant).
 * @throws UnknownStrategyError listing the valid names.
 */
export function strategyInfo(name: string): StrategyInfo {
  if (!isStrategyName(name)) throw new UnknownStrategyError(name);
  return INFOS[name];
}
