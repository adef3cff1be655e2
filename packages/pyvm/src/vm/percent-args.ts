/**
 * The right operand of printf-style formatting, turned into the argument spec
 * format/percent-format.ts takes. Shared by `str % args` (seq-ops.ts) and `bytes % args`
 * (bytes-ops.ts), which differ only in the format's text, the key objects of `%(key)s` and the
 * conversions (their PercentOps).
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import type { PercentArgs } from "../format/percent-format.js";
import { SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import type { VM } from "./vm.js";

/**
 * Run `format` on `args` as a percent-format spec: the items of an exact tuple, else the one
 * value, through which a dict (or dict subclass) also answers `%(key)s` lookups, with the key
 * object made by `newKey` (a new reference, released after the lookup) and KeyError for a missing
 * key. The looked-up values are new references, kept only while `format` runs. Returns what
 * `format` returns.
 */
export function withPercentArgs<R>(vm: VM, args: Ref, newKey: (key: string) => Ref, format: (spec: PercentArgs<Ref>) => R): R {
  const heap = vm.heap;
  const L = vm.rt.L;
  const lay = heap.mem.i32[(args + TYPE_WORD) >> 2];
  const plainTuple = lay === L.tuple && heap.mem.i32[(args + TYPE_AUX) >> 2] === 0;
  const fetched: Ref[] = [];
  const spec: PercentArgs<Ref> = plainTuple
    ? { kind: "tuple", items: Array.from({ length: heap.mem.i32[(args + SEQ_SIZE) >> 2] }, (_, i) => tupleItem(heap, args, i)) }
    : {
        kind: "single",
        value: args,
        getItem:
          lay === L.dict
            ? (key: string) => {
                const k = newKey(key);
                try {
                  const v = vm.getItemOrZero(args, k);
                  if (v === 0) throw vm.keyError(k);
                  fetched.push(v);
                  return v;
                } finally {
                  heap.decref(k);
                }
              }
            : undefined,
      };
  try {
    return format(spec);
  } finally {
    for (const v of fetched) heap.decref(v);
  }
}
