/** The `keyword` module: kwlist, softkwlist, iskeyword and issoftkeyword (Python 3.11's lists). */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { checkArgs, defFunction } from "../builtins/define.js";
import { nativeModules } from "../vm/imports.js";
import { hashObject } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { put } from "./support.js";

const KWLIST = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
  "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield",
];
const SOFT = ["_", "case", "match"];

/** Register `keyword`. */
function installKeyword(vm: VM, _module: Ref, d: Ref): void {
  const rt = vm.rt;
  const strs = (xs: string[]) => xs.map((s) => rt.newStr(s));
  for (const [name, words] of [["kwlist", KWLIST], ["softkwlist", SOFT]] as const) {
    const items = strs([...words]);
    put(vm, d, name, vm.list(items));
    for (const s of items) vm.heap.decref(s);
  }
  for (const [name, words] of [["iskeyword", KWLIST], ["issoftkeyword", SOFT]] as const) {
    const set = new Set<string>(words);
    // Like frozenset(kwlist).__contains__: any hashable argument, unhashable ones raise.
    defFunction(vm, d, name, (_vm, args, base, nargs, kw) => {
      checkArgs(vm, "__contains__", nargs, 1, 1, kw);
      const o = args[base];
      if (vm.heap.mem.i32[(o + TYPE_WORD) >> 2] === rt.L.str && vm.heap.mem.i32[(o + TYPE_AUX) >> 2] === 0) return rt.bool(set.has(rt.strValue(o)));
      hashObject(vm, o);
      return rt.bool(false);
    });
  }
}

nativeModules.set("keyword", installKeyword);
