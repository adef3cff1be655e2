/**
 * The dunder methods of list, tuple and dict that programs call explicitly (`list.__eq__`,
 * `tuple.__lt__`, `dict.__getitem__`…), and `__hash__ = None` on the mutable containers, as
 * CPython's type dicts have it. Comparisons share vm/container-compare.ts with the interpreter's
 * own comparison path; the other dunders defer to the protocol functions of vm/containers.ts.
 * + and * are sequence slots: called directly they raise CPython's messages for bad operands,
 * and the interpreter's operator protocol leaves them out, as CPython's number protocol does.
 */
import type { Ref } from "@immortal/heap";
import { dictSetItem } from "../objects/dict.js";
import type { PyType } from "../objects/pytype.js";
import { typeOf } from "../objects/typeobj.js";
import { containerRichCompare } from "../vm/container-compare.js";
import { contains, delItem, getItem, getIter, listExtend, setItem } from "../vm/containers.js";
import { BinaryOp } from "../vm/opcodes.js";
import { binaryOp, hashObject, length, repr } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { defTyped, repeatCountArg, slotArgs } from "./args.js";
import { installers } from "./modules.js";

/** Register the container dunders. */
function defineContainerDunders(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const def = (t: PyType, name: string, want: number, fn: (self: Ref, a: Ref, b: Ref) => Ref) =>
    defTyped(vm, t, name, (_vm, args, base, nargs) => {
      slotArgs(vm, nargs, want);
      return fn(args[base], want >= 1 ? args[base + 1] : 0, want >= 2 ? args[base + 2] : 0);
    });
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
    // Sequence slots: called directly they raise for operands they cannot take (see ops.ts).
    def(t, "__add__", 1, (self, other) => {
      if (typeOf(rt, other) !== t) vm.raise("TypeError", `can only concatenate ${t.name} (not "${typeOf(rt, other).name}") to ${t.name}`);
      return binaryOp(vm, BinaryOp.ADD, self, other);
    });
    for (const name of ["__mul__", "__rmul__"]) {
      def(t, name, 1, (self, n) => {
        const count = repeatCountArg(vm, n);
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
    const count = repeatCountArg(vm, n);
    try {
      return binaryOp(vm, BinaryOp.INPLACE_MULTIPLY, self, count);
    } finally {
      heap.decref(count);
    }
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
