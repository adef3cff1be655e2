/**
 * The `time` module's clocks: time, time_ns, perf_counter(_ns), monotonic(_ns),
 * process_time(_ns), and sleep, which blocks the thread without spinning (Atomics.wait).
 * Clock values naturally differ from CPython's; their types and units match.
 */
import type { Ref } from "@immortal/heap";
import { checkArgs, defFunction } from "../builtins/define.js";
import { nativeModules } from "../vm/imports.js";
import type { VM } from "../vm/vm.js";
import { isFloatObj, isIntObj, newInt, toFloat } from "./support.js";
import { typeOf } from "../objects/typeobj.js";
import { lookupType } from "../vm/attr.js";

/** Wall-clock seconds since the epoch with sub-millisecond resolution. */
function wallSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

/** CPU time of this process in nanoseconds. */
function cpuNanos(): bigint {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Register `time`. */
function installTime(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  const noArgs = (name: string, fn: () => Ref) =>
    defFunction(vm, d, name, (_vm, _a, _b, nargs, kw) => {
      checkArgs(vm, `time.${name}`, nargs, 0, 0, kw);
      return fn();
    }, { keywords: true });
  noArgs("time", () => rt.newFloat(wallSeconds()));
  noArgs("time_ns", () => newInt(vm, BigInt(Date.now()) * 1000000n + BigInt(Math.floor((performance.now() % 1) * 1e6))));
  for (const name of ["perf_counter", "monotonic"]) {
    noArgs(name, () => rt.newFloat(Number(process.hrtime.bigint()) / 1e9));
    noArgs(`${name}_ns`, () => newInt(vm, process.hrtime.bigint()));
  }
  noArgs("process_time", () => rt.newFloat(Number(cpuNanos()) / 1e9));
  noArgs("process_time_ns", () => newInt(vm, cpuNanos()));
  defFunction(vm, d, "sleep", (_vm, args, base, nargs, kw) => {
    checkArgs(vm, "time.sleep", nargs, 1, 1, kw);
    const o = args[base];
    if (!isIntObj(vm, o) && !isFloatObj(vm, o) && lookupType(vm, typeOf(rt, o), "__float__") === 0 && lookupType(vm, typeOf(rt, o), "__index__") === 0) {
      vm.raise("TypeError", `'${typeOf(rt, o).name}' object cannot be interpreted as an integer`);
    }
    const secs = toFloat(vm, o);
    if (Number.isNaN(secs)) vm.raise("ValueError", "Invalid value NaN (not a number)");
    if (secs < 0) vm.raise("ValueError", "sleep length must be non-negative");
    if (secs > 0) Atomics.wait(sleepCell, 0, 0, secs * 1000);
    return rt.none();
  }, { keywords: true });
}

nativeModules.set("time", installTime);
