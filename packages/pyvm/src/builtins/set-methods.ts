/**
 * The methods of set and frozenset (add, remove, discard, pop, the algebra with any iterables,
 * the subset tests, and the operator dunders), on the CPython-exact tables of objects/set.ts.
 * Set, frozenset and dict operands are handed to the tables directly, as CPython's fast paths
 * read them; any other iterable is materialized first (its items in iteration order).
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import type { PyType } from "../objects/pytype.js";
import {
  frozensetHash, setAdd, setClear, setContains, setCopy, setDifferenceMulti, setDifferenceUpdate, setDiscard, setIntersectionMulti,
  setIntersectionUpdate, setIsDisjoint, setIsSubset, setIsSuperset, setLen, setPop, setSymmetricDifference,
  setSymmetricDifferenceUpdate, setUnion, setUpdate, type SetOther,
} from "../objects/set.js";
import { containerRichCompare } from "../vm/container-compare.js";
import { getIter, materialize } from "../vm/containers.js";
import { repr } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { defTyped, noArgs, oneArg, slotArgs } from "./args.js";
import { installers } from "./modules.js";

/** Register set's and frozenset's methods. */
function defineSetMethods(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const L = rt.L;
  const S = vm.T.set;
  const FS = vm.T.frozenset;
  const layout = (o: Ref) => heap.mem.i32[(o + TYPE_WORD) >> 2];
  const isAnySet = (o: Ref) => layout(o) === L.set || layout(o) === L.frozenset;

  /**
   * Run `fn` with the operands in the form the set tables take: plain sets, frozensets and dicts
   * as they are, everything else as the list of its items (new references, released after).
   */
  const withOthers = <R>(others: Ref[], fn: (converted: SetOther[]) => R): R => {
    const owned: Ref[][] = [];
    try {
      const converted = others.map((o): SetOther => {
        const l = layout(o);
        if ((l === L.set || l === L.frozenset || l === L.dict) && heap.mem.i32[(o + TYPE_AUX) >> 2] === 0) return o;
        const items = materialize(vm, o);
        owned.push(items);
        return items;
      });
      return fn(converted);
    } finally {
      for (const items of owned) for (const v of items) heap.decref(v);
    }
  };
  const argList = (args: Int32Array, base: number, nargs: number): Ref[] => Array.from(args.subarray(base + 1, base + nargs));

  // ---- mutation (set only) ----

  defTyped(vm, S, "add", (_vm, args, base, nargs) => {
    oneArg(vm, "set.add", nargs);
    setAdd(vm, args[base], args[base + 1]);
    return rt.none();
  });
  defTyped(vm, S, "remove", (_vm, args, base, nargs) => {
    oneArg(vm, "set.remove", nargs);
    if (!setDiscard(vm, args[base], args[base + 1])) throw vm.keyError(args[base + 1]);
    return rt.none();
  });
  defTyped(vm, S, "discard", (_vm, args, base, nargs) => {
    oneArg(vm, "set.discard", nargs);
    setDiscard(vm, args[base], args[base + 1]);
    return rt.none();
  });
  defTyped(vm, S, "pop", (_vm, args, base, nargs) => {
    noArgs(vm, "set.pop", nargs);
    const k = setPop(vm, args[base]);
    if (k === 0) vm.raise("KeyError", "pop from an empty set");
    return k;
  });
  defTyped(vm, S, "clear", (_vm, args, base, nargs) => {
    noArgs(vm, "set.clear", nargs);
    setClear(vm, args[base]);
    return rt.none();
  });
  defTyped(vm, S, "update", (_vm, args, base, nargs) => {
    // One operand at a time: an error leaves the earlier updates in place, as in CPython.
    for (const o of argList(args, base, nargs)) withOthers([o], ([c]) => setUpdate(vm, args[base], c));
    return rt.none();
  });
  defTyped(vm, S, "intersection_update", (_vm, args, base, nargs) => {
    withOthers(argList(args, base, nargs), (cs) => setIntersectionUpdate(vm, args[base], ...cs));
    return rt.none();
  });
  defTyped(vm, S, "difference_update", (_vm, args, base, nargs) => {
    for (const o of argList(args, base, nargs)) withOthers([o], ([c]) => setDifferenceUpdate(vm, args[base], c));
    return rt.none();
  });
  defTyped(vm, S, "symmetric_difference_update", (_vm, args, base, nargs) => {
    oneArg(vm, "set.symmetric_difference_update", nargs);
    withOthers([args[base + 1]], ([c]) => setSymmetricDifferenceUpdate(vm, args[base], c));
    return rt.none();
  });

  // ---- queries and algebra (both types; results take self's type) ----

  for (const t of [S, FS]) {
    const q = (name: string) => `${t.name}.${name}`;
    defTyped(vm, t, "copy", (_vm, args, base, nargs) => {
      noArgs(vm, q("copy"), nargs);
      return setCopy(vm, args[base]);
    });
    defTyped(vm, t, "union", (_vm, args, base, nargs) => withOthers(argList(args, base, nargs), (cs) => setUnion(vm, args[base], ...cs)));
    defTyped(vm, t, "intersection", (_vm, args, base, nargs) =>
      withOthers(argList(args, base, nargs), (cs) => setIntersectionMulti(vm, args[base], ...cs)),
    );
    defTyped(vm, t, "difference", (_vm, args, base, nargs) =>
      withOthers(argList(args, base, nargs), (cs) => setDifferenceMulti(vm, args[base], ...cs)),
    );
    defTyped(vm, t, "symmetric_difference", (_vm, args, base, nargs) => {
      oneArg(vm, q("symmetric_difference"), nargs);
      return withOthers([args[base + 1]], ([c]) => setSymmetricDifference(vm, args[base], c));
    });
    const test = (name: string, fn: (so: Ref, other: SetOther) => boolean) =>
      defTyped(vm, t, name, (_vm, args, base, nargs) => {
        oneArg(vm, q(name), nargs);
        return rt.bool(withOthers([args[base + 1]], ([c]) => fn(args[base], c)));
      });
    test("issubset", (so, c) => setIsSubset(vm, so, c));
    test("issuperset", (so, c) => setIsSuperset(vm, so, c));
    test("isdisjoint", (so, c) => setIsDisjoint(vm, so, c));

    // ---- dunders ----
    defTyped(vm, t, "__len__", (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 0);
      return rt.newInt(setLen(vm, args[base]));
    });
    defTyped(vm, t, "__contains__", (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 1);
      return rt.bool(setContains(vm, args[base], args[base + 1]));
    });
    defTyped(vm, t, "__iter__", (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 0);
      return getIter(vm, args[base]);
    });
    defTyped(vm, t, "__repr__", (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 0);
      return rt.newStr(repr(vm, args[base]));
    });
    ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].forEach((name, op) => {
      defTyped(vm, t, name, (_vm, args, base, nargs) => {
        slotArgs(vm, nargs, 1);
        const r = containerRichCompare(vm, args[base], args[base + 1], op);
        return r !== 0 ? r : rt.newRef(rt.NotImplemented);
      });
    });
    const algebra: [string, (a: Ref, b: Ref) => Ref][] = [
      ["or", (a, b) => setUnion(vm, a, b)],
      ["and", (a, b) => setIntersectionMulti(vm, a, b)],
      ["sub", (a, b) => setDifferenceMulti(vm, a, b)],
      ["xor", (a, b) => setSymmetricDifference(vm, a, b)],
    ];
    for (const [name, fn] of algebra) {
      for (const reflected of [false, true]) {
        defTyped(vm, t, reflected ? `__r${name}__` : `__${name}__`, (_vm, args, base, nargs) => {
          slotArgs(vm, nargs, 1);
          const other = args[base + 1];
          if (!isAnySet(other)) return rt.newRef(rt.NotImplemented);
          return reflected ? fn(other, args[base]) : fn(args[base], other);
        });
      }
    }
    void (t as PyType);
  }

  const inplace: [string, (a: Ref, b: Ref) => void][] = [
    ["__ior__", (a, b) => setUpdate(vm, a, b)],
    ["__iand__", (a, b) => setIntersectionUpdate(vm, a, b)],
    ["__isub__", (a, b) => setDifferenceUpdate(vm, a, b)],
    ["__ixor__", (a, b) => setSymmetricDifferenceUpdate(vm, a, b)],
  ];
  for (const [name, fn] of inplace) {
    defTyped(vm, S, name, (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, 1);
      const other = args[base + 1];
      if (!isAnySet(other)) return rt.newRef(rt.NotImplemented);
      fn(args[base], other);
      return rt.newRef(args[base]);
    });
  }

  defTyped(vm, FS, "__hash__", (_vm, args, base, nargs) => {
    slotArgs(vm, nargs, 0);
    const lo = frozensetHash(vm, args[base]);
    const h = (BigInt(vm.hashHigh) << 32n) | BigInt(lo >>> 0);
    return rt.newInt(h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h);
  });
}

installers.push(defineSetMethods);
