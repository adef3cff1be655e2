/**
 * Heaps for the conformance suite: one strategy by name, the heap's own test types (leaf, box,
 * list) plus a leaf type declared immortal, and the ways each strategy offers to make an object
 * immortal. Shared by the example-based tests and the property-based model.
 */
import { Heap, type Ref, type RegisteredType, type StrategyInfo } from "@immortal/heap";
import { createStrategy, strategyInfo, type StrategyName } from "@immortal/strategies";
// The heap's test types are source-only (not part of its published entry point): imported by path.
import { registerTestTypes, type TestTypes } from "../../heap/src/testing/types.js";

/** A heap under test and what was registered on it. */
export interface Fixture {
  readonly name: StrategyName;
  readonly info: StrategyInfo;
  readonly heap: Heap;
  /** leaf, box, list from the heap's testing module, and `immortalLeaf`: a leaf type registered immortal. */
  readonly types: TestTypes & { readonly immortalLeaf: RegisteredType };
}

/** Options for {@link makeFixture}. */
export interface FixtureOptions {
  /** Named errors on misuse (CheckedStrategy). */
  checked?: boolean;
  /** Count refcount operations and stores (CountingStrategy + TrackedMemory). */
  instrument?: boolean;
}

/**
 * A fresh 1 MiB heap with the named strategy. `immortalLeaf` is declared immortal on every heap,
 * but only type-based immortality reads that; for other strategies the suite allocates from it
 * only to show that it changes nothing they decide.
 */
export function makeFixture(name: StrategyName, options: FixtureOptions = {}): Fixture {
  const heap = new Heap({ strategy: createStrategy(name), initialBytes: 1 << 20, ...options });
  const testTypes = registerTestTypes(heap);
  const immortalLeaf = heap.registerType({ name: "immortal-leaf", basicSize: 8 });
  heap.types.setTypeImmortal(immortalLeaf.id);
  return { name, info: strategyInfo(name), heap, types: { ...testTypes, immortalLeaf } };
}

/**
 * One way of obtaining an immortal object, with the result the API must report for it. `make`
 * asserts nothing: it returns the object and what the call returned, so the test can compare.
 */
export interface ImmortalRoute {
  readonly label: string;
  /** Allocates an object and makes it immortal this way; `returned` is the marking call's result (if any). */
  make(fx: Fixture): { o: Ref; returned: boolean | 0 | 1 | null };
  /** What the marking call must return when it succeeds. */
  readonly expected: boolean | 0 | 1 | null;
}

/** Every route to an immortal object that a strategy with this granularity must honour. */
export function immortalRoutes(granularity: StrategyInfo["granularity"]): ImmortalRoute[] {
  if (granularity === "object") {
    return [
      { label: "heap.makeImmortal (leaf)", expected: true, make: (fx) => mark(fx, fx.types.leaf, (o) => fx.heap.makeImmortal(o)) },
      { label: "heap.makeImmortal (GC box)", expected: true, make: (fx) => mark(fx, fx.types.box, (o) => fx.heap.makeImmortal(o)) },
      { label: "strategy.makeImmortal", expected: true, make: (fx) => mark(fx, fx.types.leaf, (o) => fx.heap.rc.makeImmortal(o)) },
      { label: "heap.immortalize", expected: 1, make: (fx) => mark(fx, fx.types.list, (o) => fx.heap.immortalize(o)) },
      { label: "strategy.immortalize", expected: 1, make: (fx) => mark(fx, fx.types.leaf, (o) => fx.heap.rc.immortalize(o)) },
      { label: "heap.allocateStatic (initStatic)", expected: null, make: (fx) => ({ o: fx.heap.allocateStatic(fx.types.leaf.id), returned: null }) },
    ];
  }
  if (granularity === "type") {
    return [
      { label: "instance of an immortal type", expected: null, make: (fx) => ({ o: fx.heap.allocate(fx.types.immortalLeaf.id), returned: null }) },
      { label: "static instance of an immortal type", expected: null, make: (fx) => ({ o: fx.heap.allocateStatic(fx.types.immortalLeaf.id), returned: null }) },
      { label: "heap.makeImmortal (immortal type)", expected: true, make: (fx) => mark(fx, fx.types.immortalLeaf, (o) => fx.heap.makeImmortal(o)) },
      { label: "strategy.makeImmortal (immortal type)", expected: true, make: (fx) => mark(fx, fx.types.immortalLeaf, (o) => fx.heap.rc.makeImmortal(o)) },
    ];
  }
  return [];
}

function mark(fx: Fixture, type: RegisteredType, call: (o: Ref) => boolean | 0 | 1): { o: Ref; returned: boolean | 0 | 1 } {
  const o = fx.heap.allocate(type.id);
  return { o, returned: call(o) };
}
