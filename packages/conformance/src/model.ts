/**
 * The reference model for the property-based tests: a plain JS map of what every object's count,
 * immortality, liveness and GC tracking should be, derived from the strategy's INFO (granularity,
 * immortal refcount) and its documented semantics (./semantics.ts) — never from its code. A
 * runner applies the same random operations to a checked heap and to the model, and compares
 * them after every step.
 *
 * The model knows which references the test itself may give back: an object's "external"
 * references are its count minus the references containers hold to it. A decref is only generated
 * where the test holds one (or where the object is immortal, which tolerates any number), so a
 * well-formed sequence never underflows; misuse is generated separately, on freed handles.
 */
import { STATIC_REFCNT_3_11, UseAfterFreeError, type Ref, type StrategyInfo } from "@immortal/heap";
import fc from "fast-check";
import { getBox, listAppend, setBox } from "../../heap/src/testing/types.js";
import type { Fixture } from "./fixtures.js";
import type { DocumentedSemantics } from "./semantics.js";

/** The object kinds the model allocates: the heap's test types and the immortal leaf type. */
export type Kind = "leaf" | "box" | "list" | "immortalLeaf";

/** One operation of a random sequence. `pick` fields select among candidates modulo their number. */
export type Op =
  | { kind: "alloc"; type: Kind; static: boolean }
  | { kind: "incref"; pick: number }
  | { kind: "decref"; pick: number }
  | { kind: "makeImmortal"; pick: number; via: "heap" | "strategy" }
  | { kind: "immortalize"; pick: number; via: "heap" | "strategy" }
  | { kind: "setRefcount"; pick: number; external: number }
  | { kind: "append"; list: number; item: number }
  | { kind: "setBox"; box: number; item: number | null }
  | { kind: "useAfterFree"; pick: number; call: "incref" | "decref" | "refcount" | "immortalize" | "makeImmortal" };

/** What the model expects of one live object. */
interface ModelObject {
  readonly ref: Ref;
  readonly kind: Kind;
  readonly isStatic: boolean;
  count: bigint;
  immortal: boolean;
  /** GC-tracked (box and list only). */
  tracked: boolean;
  /** References to this object held by containers (list items, box slots). */
  containerRefs: number;
  /** The references this object holds, in the order its dealloc drops them. */
  children: ModelObject[];
}

/** Random operations for a strategy: the immortal leaf type is allocated only where types decide immortality. */
export function opsArbitrary(info: StrategyInfo): fc.Arbitrary<Op[]> {
  const kinds: Kind[] = info.granularity === "type" ? ["leaf", "box", "list", "immortalLeaf"] : ["leaf", "box", "list"];
  const pick = fc.nat({ max: 1 << 16 });
  const via = fc.constantFrom<"heap" | "strategy">("heap", "strategy");
  // One allocation in six is static: enough to meet statics often, few enough to leave room for frees.
  const isStatic = fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 5, arbitrary: fc.constant(false) });
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("alloc" as const), type: fc.constantFrom(...kinds), static: isStatic }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("incref" as const), pick }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("decref" as const), pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("makeImmortal" as const), pick, via }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("immortalize" as const), pick, via }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("setRefcount" as const), pick, external: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("append" as const), list: pick, item: pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("setBox" as const), box: pick, item: fc.option(pick, { freq: 4 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("useAfterFree" as const),
        pick,
        call: fc.constantFrom("incref" as const, "decref" as const, "refcount" as const, "immortalize" as const, "makeImmortal" as const),
      }),
    },
  );
  return fc.array(op, { minLength: 1, maxLength: 60 });
}

/** Expected state of the heap, updated by the same operations. */
export class ReferenceModel {
  readonly live = new Map<Ref, ModelObject>();
  /** Handles freed and not reused since. */
  readonly freed = new Set<Ref>();

  constructor(
    private readonly info: StrategyInfo,
    private readonly doc: DocumentedSemantics,
  ) {}

  /** The count an object shows once marked immortal, given the count it had. */
  private markedCount(previous: bigint): bigint {
    if (this.doc.markedCount === "kept") return previous;
    if (this.info.immortalRefcount === null) throw new Error(`${this.info.name} marks objects but publishes no immortalRefcount`);
    return this.info.immortalRefcount;
  }

  /** A new object at `ref`, as `allocate` or `allocateStatic` left it. */
  allocate(ref: Ref, kind: Kind, isStatic: boolean): ModelObject {
    if (this.live.has(ref)) throw new Error(`allocation returned handle ${ref}, which is still live`);
    this.freed.delete(ref);
    const typeImmortal = this.info.granularity === "type" && kind === "immortalLeaf";
    let count = 1n;
    let immortal = typeImmortal;
    if (isStatic && this.info.granularity === "object") {
      // initStatic: immortal, showing the same count as an object marked from 1.
      immortal = true;
      count = this.markedCount(1n);
    } else if (isStatic) {
      // initStatic without per-object immortality (the baseline, type-based): CPython 3.11's 999999999.
      count = BigInt(STATIC_REFCNT_3_11);
    }
    const obj: ModelObject = { ref, kind, isStatic, count, immortal, tracked: kind === "box" || kind === "list", containerRefs: 0, children: [] };
    this.live.set(ref, obj);
    return obj;
  }

  incref(o: ModelObject): void {
    if (!o.immortal || this.doc.immortalCountMoves) o.count += 1n;
  }

  /** An aware decref; frees (and drops children) when a mortal count reaches 0. */
  decref(o: ModelObject): void {
    if (o.immortal) {
      if (this.doc.immortalCountMoves) o.count -= 1n;
      return;
    }
    o.count -= 1n;
    if (o.count === 0n) this.free(o);
  }

  private free(o: ModelObject): void {
    this.live.delete(o.ref);
    this.freed.add(o.ref);
    const children = o.children;
    o.children = [];
    for (const child of children) {
      child.containerRefs--;
      this.decref(child);
    }
  }

  /** `makeImmortal` (either route): what it returns. */
  makeImmortal(o: ModelObject): boolean {
    if (this.info.granularity === "none") return false;
    if (this.info.granularity === "type") return o.immortal;
    if (!o.immortal) {
      o.immortal = true;
      o.count = this.markedCount(o.count);
    } else if (this.doc.remark === "reset") {
      o.count = this.markedCount(o.count);
    }
    return true;
  }

  /** `immortalize` (either route): 1 only for a uniquely referenced mortal object, where single objects can be marked. */
  immortalize(o: ModelObject): 0 | 1 {
    if (this.info.granularity !== "object" || o.immortal || o.count !== 1n) return 0;
    o.immortal = true;
    o.count = this.markedCount(o.count);
    return 1;
  }

  /** `setRefcount(n)`. */
  setRefcount(o: ModelObject, n: bigint): void {
    if (o.immortal && this.doc.setRefcountOnImmortal === "ignored") return;
    o.count = n;
    // A stored small count is mortal unless immortality belongs to the type.
    if (o.immortal && this.info.granularity !== "type") o.immortal = false;
  }

  /** References the test holds itself (immortal objects accept any number of decrefs). */
  external(o: ModelObject): bigint {
    return o.count - BigInt(o.containerRefs);
  }
}

/** Live model objects in allocation order, optionally filtered. */
function candidates(model: ReferenceModel, keep: (o: ModelObject) => boolean = () => true): ModelObject[] {
  return [...model.live.values()].filter(keep);
}

function choose<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

/**
 * Applies `ops` to a checked heap and to the model, checking the whole heap against the model
 * after every step; finalizes at the end and checks the leak report. Throws on the first
 * disagreement with a message naming the step, the operation and the object.
 */
export function runAgainstModel(fx: Fixture, doc: DocumentedSemantics, ops: readonly Op[]): void {
  const { heap, info } = fx;
  if (!heap.checked) throw new Error("the model runs on a checked heap, so misuse raises named errors");
  const model = new ReferenceModel(info, doc);
  const typeId: Record<Kind, number> = {
    leaf: fx.types.leaf.id,
    box: fx.types.box.id,
    list: fx.types.list.id,
    immortalLeaf: fx.types.immortalLeaf.id,
  };
  const fail = (step: number, op: Op, what: string): never => {
    throw new Error(`${info.name}, step ${step} ${JSON.stringify(op)}: ${what}`);
  };

  ops.forEach((op, step) => {
    switch (op.kind) {
      case "alloc": {
        const ref = op.static ? heap.allocateStatic(typeId[op.type]) : heap.allocate(typeId[op.type]);
        model.allocate(ref, op.type, op.static);
        break;
      }
      case "incref": {
        const o = choose(candidates(model), op.pick);
        if (!o) break;
        heap.incref(o.ref);
        model.incref(o);
        break;
      }
      case "decref": {
        // Never the last reference to a static object: the runtime never frees one (contract of
        // initStatic). Whether a strategy keeps that promise is the dedicated static test's job.
        const o = choose(
          candidates(model, (c) => c.immortal || model.external(c) > (c.isStatic ? 1n : 0n)),
          op.pick,
        );
        if (!o) break;
        heap.decref(o.ref);
        model.decref(o);
        break;
      }
      case "makeImmortal": {
        const o = choose(candidates(model), op.pick);
        if (!o) break;
        const got = op.via === "heap" ? heap.makeImmortal(o.ref) : heap.rc.makeImmortal(o.ref);
        const want = model.makeImmortal(o);
        if (got !== want) fail(step, op, `makeImmortal returned ${got}, expected ${want}`);
        // heap.makeImmortal untracks a container before marking it (single-object strategies always succeed).
        if (op.via === "heap" && info.granularity === "object") o.tracked = false;
        break;
      }
      case "immortalize": {
        const o = choose(candidates(model), op.pick);
        if (!o) break;
        const got = op.via === "heap" ? heap.immortalize(o.ref) : heap.rc.immortalize(o.ref);
        const want = model.immortalize(o);
        if (got !== want) fail(step, op, `immortalize returned ${got}, expected ${want}`);
        // heap.immortalize untracks whatever is immortal afterwards (already immortal included).
        if (op.via === "heap" && o.immortal && info.granularity === "object") o.tracked = false;
        break;
      }
      case "setRefcount": {
        const o = choose(candidates(model), op.pick);
        if (!o) break;
        const n = o.containerRefs + op.external;
        heap.rc.setRefcount(o.ref, n);
        model.setRefcount(o, BigInt(n));
        break;
      }
      case "append": {
        const list = choose(candidates(model, (c) => c.kind === "list"), op.list);
        const item = choose(candidates(model), op.item);
        if (!list || !item) break;
        heap.incref(item.ref);
        model.incref(item);
        listAppend(heap, list.ref, item.ref);
        item.containerRefs++;
        list.children.push(item);
        break;
      }
      case "setBox": {
        const box = choose(candidates(model, (c) => c.kind === "box"), op.box);
        if (!box) break;
        const item = op.item === null ? undefined : choose(candidates(model), op.item);
        if (item) {
          heap.incref(item.ref);
          model.incref(item);
        }
        const old = box.children[0];
        if ((getBox(heap, box.ref) === 0) !== (old === undefined)) fail(step, op, "box content differs from the model");
        // Same order as setBox: store the new child, then drop the old one (which may free the box itself).
        setBox(heap, box.ref, item ? item.ref : 0);
        box.children = item ? [item] : [];
        if (item) item.containerRefs++;
        if (old) {
          old.containerRefs--;
          model.decref(old);
        }
        break;
      }
      case "useAfterFree": {
        const freed = [...model.freed];
        const ref = choose(freed, op.pick);
        if (ref === undefined) break;
        const call = {
          incref: () => heap.incref(ref),
          decref: () => heap.decref(ref),
          refcount: () => heap.refcount(ref),
          immortalize: () => heap.immortalize(ref),
          makeImmortal: () => heap.makeImmortal(ref),
        }[op.call];
        let error: unknown = null;
        try {
          call();
        } catch (e) {
          error = e;
        }
        if (!(error instanceof UseAfterFreeError)) {
          fail(step, op, `${op.call} on freed handle ${ref} raised ${error === null ? "nothing" : String(error)}, expected UseAfterFreeError`);
        }
        break;
      }
    }
    checkHeap(fx, model, (what) => fail(step, op, what));
  });

  const expectedImmortal = candidates(model, (o) => o.immortal).length;
  const expectedStatic = candidates(model, (o) => o.isStatic && !o.immortal).length;
  const report = heap.finalize();
  if (report.immortal !== expectedImmortal) throw new Error(`${info.name}: finalize reported ${report.immortal} immortal objects, expected ${expectedImmortal}`);
  if (report.static !== expectedStatic) throw new Error(`${info.name}: finalize reported ${report.static} mortal static objects, expected ${expectedStatic}`);
  for (const ref of model.live.keys()) {
    if (heap.isLive(ref)) throw new Error(`${info.name}: handle ${ref} is still live after finalize`);
  }
}

/** Every model object against the heap: liveness, immortality, refcount (and isUnique), GC tracking; freed handles dead. */
function checkHeap(fx: Fixture, model: ReferenceModel, fail: (what: string) => never): void {
  const heap = fx.heap;
  for (const o of model.live.values()) {
    if (!heap.isLive(o.ref)) fail(`${o.kind} ${o.ref} was freed, but the model holds ${model.external(o)} external references`);
    const immortal = heap.isImmortal(o.ref);
    if (immortal !== o.immortal) fail(`${o.kind} ${o.ref}: isImmortal ${immortal}, expected ${o.immortal}`);
    const count = heap.refcount(o.ref);
    if (count !== o.count) fail(`${o.kind} ${o.ref}: refcount ${count}, expected ${o.count}`);
    const unique = count === 1n && !immortal;
    if (heap.isUnique(o.ref) !== unique) fail(`${o.kind} ${o.ref}: isUnique ${!unique} with refcount ${count}, immortal ${immortal}`);
    if ((o.kind === "box" || o.kind === "list") && heap.gc.isTracked(o.ref) !== o.tracked) {
      fail(`${o.kind} ${o.ref}: gc.isTracked ${!o.tracked}, expected ${o.tracked}`);
    }
  }
  for (const ref of model.freed) {
    if (heap.isLive(ref)) fail(`handle ${ref} should have been freed`);
  }
  const n = heap.liveObjectCount();
  if (n !== model.live.size) fail(`${n} live objects, expected ${model.live.size}`);
}
