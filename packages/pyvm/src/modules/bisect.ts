/**
 * The `bisect` module (CPython's _bisect): bisect_left, bisect_right (bisect), insort_left and
 * insort_right (insort), with lo, hi and key= — the same comparisons in the same order as
 * CPython, so results (and errors from unorderable items) match. Lists are read directly.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { listItem, SEQ_SIZE } from "../objects/seq-layout.js";
import { defFunction } from "../builtins/define.js";
import { getAttr } from "../vm/attr.js";
import { callFunction } from "../vm/call.js";
import { getItem } from "../vm/containers.js";
import { nativeModules } from "../vm/imports.js";
import { CompareOp } from "../vm/opcodes.js";
import { richCompareBool } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { clinicArgs, seqLength, toSsize } from "./support.js";

const NAMES = ["a", "x", "lo", "hi", "key"];

/** The insertion point of `x` in `a[lo:hi]` (right: after equal items). */
function bisect(vm: VM, a: Ref, x: Ref, loO: Ref, hiO: Ref, key: Ref, right: boolean): number {
  const rt = vm.rt;
  const heap = vm.heap;
  let lo = loO === 0 ? 0 : toSsize(vm, loO);
  if (lo < 0) vm.raise("ValueError", "lo must be non-negative");
  let hi = hiO === 0 || hiO === rt.None ? seqLength(vm, a) : toSsize(vm, hiO);
  const isList = heap.mem.i32[(a + TYPE_WORD) >> 2] === rt.L.list && heap.mem.i32[(a + TYPE_AUX) >> 2] === 0;
  const hasKey = key !== 0 && key !== rt.None;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let item: Ref;
    if (isList) {
      if (mid >= heap.mem.i32[(a + SEQ_SIZE) >> 2]) vm.raise("IndexError", "list index out of range");
      item = rt.newRef(listItem(heap, a, mid));
    } else {
      const idx = rt.newInt(mid);
      try {
        item = getItem(vm, a, idx);
      } finally {
        heap.decref(idx);
      }
    }
    if (hasKey) {
      try {
        const k = callFunction(vm, key, [item]);
        heap.decref(item);
        item = k;
      } catch (e) {
        heap.decref(item);
        throw e;
      }
    }
    let less: boolean;
    try {
      less = right ? richCompareBool(vm, x, item, CompareOp.LT) : richCompareBool(vm, item, x, CompareOp.LT);
    } finally {
      heap.decref(item);
    }
    if (right) {
      if (less) hi = mid;
      else lo = mid + 1;
    } else if (less) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Register `bisect`. */
function installBisect(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  for (const [name, right] of [["bisect_left", false], ["bisect_right", true], ["bisect", true]] as const) {
    defFunction(vm, d, name, (_vm, args, base, nargs, kw) => {
      const [a, x, lo, hi, key] = clinicArgs(vm, name === "bisect" ? "bisect_right" : name, args, base, nargs, kw, NAMES, { required: 2, kwOnlyFrom: 4 });
      return rt.newInt(bisect(vm, a, x, lo, hi, key, right));
    }, { keywords: true });
  }
  for (const [name, right] of [["insort_left", false], ["insort_right", true], ["insort", true]] as const) {
    defFunction(vm, d, name, (_vm, args, base, nargs, kw) => {
      const [a, x, lo, hi, key] = clinicArgs(vm, name === "insort" ? "insort_right" : name, args, base, nargs, kw, NAMES, { required: 2, kwOnlyFrom: 4 });
      let i: number;
      if (key !== 0 && key !== rt.None) {
        const k = callFunction(vm, key, [x]);
        try {
          i = bisect(vm, a, k, lo, hi, key, right);
        } finally {
          vm.heap.decref(k);
        }
      } else i = bisect(vm, a, x, lo, hi, 0, right);
      const insert = getAttr(vm, a, "insert");
      const idx = rt.newInt(i);
      try {
        vm.heap.decref(callFunction(vm, insert, [idx, x]));
      } finally {
        vm.heap.decref(idx);
        vm.heap.decref(insert);
      }
      return rt.none();
    }, { keywords: true });
  }
}

nativeModules.set("bisect", installBisect);
