/**
 * The `gc` module over the heap's cyclic collector (packages/heap/src/gc.ts): collect, enable,
 * disable, isenabled, get_count, get_threshold, set_threshold, freeze, unfreeze,
 * get_freeze_count, is_tracked, and the `garbage` and `callbacks` lists (always empty: pyvm
 * objects have no finalizers that could make a cycle uncollectable).
 */
import type { Ref } from "@immortal/heap";
import { checkArgs, defFunction } from "../builtins/define.js";
import { nativeModules } from "../vm/imports.js";
import type { VM } from "../vm/vm.js";
import { clinicArgs, put, toSsize } from "./support.js";

/** Register `gc`. */
function installGc(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  const gc = vm.heap.gc;
  const def = (name: string, fn: Parameters<typeof defFunction>[3]) => defFunction(vm, d, name, fn, { keywords: true });
  const noArgs = (name: string, fn: () => Ref) =>
    def(name, (_vm, _a, _b, nargs, kw) => {
      checkArgs(vm, `gc.${name}`, nargs, 0, 0, kw);
      return fn();
    });
  const triple = (v: [number, number, number]): Ref => {
    const items = v.map((x) => rt.newInt(x));
    const t = vm.tuple(items);
    for (const i of items) vm.heap.decref(i);
    return t;
  };

  def("collect", (_vm, args, base, nargs, kw) => {
    const [g] = clinicArgs(vm, "collect", args, base, nargs, kw, ["generation"], { required: 0 });
    const gen = g === 0 ? 2 : toSsize(vm, g);
    if (gen < 0 || gen > 2) vm.raise("ValueError", "invalid generation");
    return rt.newInt(gc.collect(gen));
  });
  noArgs("enable", () => {
    gc.enable();
    return rt.none();
  });
  noArgs("disable", () => {
    gc.disable();
    return rt.none();
  });
  noArgs("isenabled", () => rt.bool(gc.isEnabled()));
  noArgs("get_count", () => triple(gc.getCount()));
  noArgs("get_threshold", () => triple(gc.getThreshold()));
  def("set_threshold", (_vm, args, base, nargs, kw) => {
    if (kw !== 0 && vm.heap.mem.i32[(kw + 16) >> 2] > 0) vm.raise("TypeError", "set_threshold() takes no keyword arguments");
    if (nargs < 1) vm.raise("TypeError", `set_threshold() takes at least 1 argument (${nargs} given)`);
    if (nargs > 3) vm.raise("TypeError", `set_threshold() takes at most 3 arguments (${nargs} given)`);
    // The heap keeps non-negative thresholds; CPython's negative ones behave as 0 would not, so
    // they are clamped (a documented difference).
    const t = Array.from(args.subarray(base, base + nargs), (o) => Math.max(0, Math.min(2 ** 31 - 1, toSsize(vm, o))));
    gc.setThreshold(t[0], t[1], t[2]);
    return rt.none();
  });
  noArgs("freeze", () => {
    gc.freeze();
    return rt.none();
  });
  noArgs("unfreeze", () => {
    gc.unfreeze();
    return rt.none();
  });
  noArgs("get_freeze_count", () => rt.newInt(gc.freezeCount()));
  def("is_tracked", (_vm, args, base, nargs, kw) => {
    checkArgs(vm, "gc.is_tracked", nargs, 1, 1, kw);
    return rt.bool(gc.isTracked(args[base]));
  });
  put(vm, d, "garbage", vm.list([]));
  put(vm, d, "callbacks", vm.list([]));
  put(vm, d, "DEBUG_STATS", rt.newInt(1));
  put(vm, d, "DEBUG_COLLECTABLE", rt.newInt(2));
  put(vm, d, "DEBUG_UNCOLLECTABLE", rt.newInt(4));
  put(vm, d, "DEBUG_SAVEALL", rt.newInt(32));
  put(vm, d, "DEBUG_LEAK", rt.newInt(38));
}

nativeModules.set("gc", installGc);
