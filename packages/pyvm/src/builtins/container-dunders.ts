/**
 * The dunder methods of list, tuple and dict that programs call explicitly (`list.__eq__`,
 * `tuple.__lt__`, `dict.__getitem__`…), and `__hash__ = None` on the mutable containers, as
 * CPython's type dicts have it. Comparisons share vm/container-compare.ts with the interpreter's
 * own comparison path; the other dunders defer to the protocol functions of vm/containers.ts.
 * Operators return NotImplemented for operands of other types (the interpreter then raises
 * CPython's sequence messages, see ops.ts), so the reflected methods of the other operand work.
 */
import type { Ref } from "@immortal/heap";
import { dictSetItem } from "../objects/dict.js";
import type { PyType } from "../objects/pytype.js";
import { listItem, SEQ_SIZE } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { lookupType } from "../vm/attr.js";
import { containerRichCompare } from "../vm/container-compare.js";
import { contains, delItem, getItem, getIter, listAppendSteal, listDeleteRange, listExtend, setItem } from "../vm/containers.js";
import { BinaryOp } from "../vm/opcodes.js";
import { binaryOp, hashObject, isInt, length, repr } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { defTyped, indexInt } from "./args.js";
import { installers } from "./modules.js";

/** Register the container dunders. */
function defineContainerDunders(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const slotArgs = (nargs: number, want: number) => {
    if (nargs - 1 !== want) vm.raise("TypeError", `expected ${want} argument${want === 1 ? "" : "s"}, got ${nargs - 1}`);
  };
  const def = (t: PyType, name: string, want: number, fn: (self: Ref, a: Ref, b: Ref) => Ref) =>
    defTyped(vm, t, name, (_vm, args, base, nargs) => {
      slotArgs(nargs, want);
      return fn(args[base], want >= 1 ? args[base + 1] : 0, want >= 2 ? args[base + 2] : 0);
    });
  /** An int-like repeat count (int or `__index__`) as an int object, or 0 when it is neither. */
  const repeatCount = (o: Ref): Ref => {
    if (isInt(vm, o)) return rt.newRef(o);
    if (lookupType(vm, typeOf(rt, o), "__index__") === 0) return 0;
    const v = indexInt(vm, o);
    return rt.newInt(v);
  };

  for (const t of [T.list, T.tuple, T.dict]) {
    def(t, "__len__", 0, (self) => rt.newInt(length(vm, self)));
    def(t, "__contains__", 1, (self, x) => rt.bool(contains(vm, self, x)));
    def(t, "__getitem__", 1, (self, k) => getItem(vm, self, k));
    def(t, "__repr__", 0, (self) => rt.newStr(repr(vm, self)));
    ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].forEach((name, op) => {
      def(t, name, 1, (self, other) => {
        const r = containerRichCompare(vm, self, other, op);
        return r !== 0 ? r : rt.newRef(rt.NotImplemented);
      });
    });
  }
  for (const t of [T.list, T.tuple]) {
    def(t, "__iter__", 0, (self) => getIter(vm, self));
    def(t, "__add__", 1, (self, other) => (typeOf(rt, other) === t ? binaryOp(vm, BinaryOp.ADD, self, other) : rt.newRef(rt.NotImplemented)));
    for (const name of ["__mul__", "__rmul__"]) {
      def(t, name, 1, (self, n) => {
        const count = repeatCount(n);
        if (count === 0) return rt.newRef(rt.NotImplemented);
        try {
          return binaryOp(vm, BinaryOp.MULTIPLY, self, count);
        } finally {
          heap.decref(count);
        }
      });
    }
  }
  for (const t of [T.list, T.dict]) {
    def(t, "__setitem__", 2, (self, k, v) => {
      setItem(vm, self, k, v);
      return rt.none();
    });
    def(t, "__delitem__", 1, (self, k) => {
      delItem(vm, self, k);
      return rt.none();
    });
  }
  def(T.list, "__iadd__", 1, (self, other) => {
    listExtend(vm, self, other);
    return rt.newRef(self);
  });
  def(T.list, "__imul__", 1, (self, n) => {
    const count = repeatCount(n);
    if (count === 0) return rt.newRef(rt.NotImplemented);
    const times = Number(rt.intValue(count));
    heap.decref(count);
    const size = heap.mem.i32[(self + SEQ_SIZE) >> 2];
    if (times <= 0) listDeleteRange(vm, self, 0, size);
    else {
      if (size * times > 1e8) vm.raise("MemoryError", "");
      for (let r = 1; r < times; r++) {
        for (let i = 0; i < size; i++) {
          const v = listItem(heap, self, i);
          heap.incref(v);
          listAppendSteal(vm, self, v);
        }
      }
    }
    return rt.newRef(self);
  });
  def(T.tuple, "__hash__", 0, (self) => {
    const h = hashObject(vm, self);
    return rt.newInt(h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h);
  });
  // Mutable containers are unhashable: their types say so with __hash__ = None.
  for (const t of [T.list, T.dict, T.set]) {
    dictSetItem(vm, t.dict, vm.name("__hash__"), rt.None);
    t.invalidate();
  }
}

installers.push(defineContainerDunders);
