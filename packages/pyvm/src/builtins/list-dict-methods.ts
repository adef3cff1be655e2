/**
 * Methods of list, tuple and dict: the mutation and query methods programs use, with CPython's
 * reference behaviour (list.append steals nothing: the list increfs what it keeps) and messages.
 */
import type { Ref } from "@immortal/heap";
import {
  dictClear, dictContains, dictCopy, dictGetItem, dictLen, dictPop, dictPopItem, dictSetDefault, dictSetItem, dictValues, type DictItem,
} from "../objects/dict.js";
import type { DictViewState } from "../vm/dict-views.js";
import { LIST_ITEMS, listItem, listResize, PTR, SEQ_SIZE, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { callFunction } from "../vm/call.js";
import { dictIterator, getItem, indexValue, iterNext, listAppendSteal, listDeleteRange, listExtend, materialize, tuple2Steal } from "../vm/containers.js";
import { CompareOp } from "../vm/opcodes.js";
import { repr, richCompareBool } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";
import { checkMethodArgs, defMethod, keywordArgs, onlyKeywords } from "./define.js";
import { sortRefs } from "./functions.js";

/** Register list, tuple and dict methods. */
export function defineListDictMethods(vm: VM): void {
  const rt = vm.rt;
  const heap = vm.heap;
  const T = vm.T;
  const size = (o: Ref) => heap.mem.i32[(o + SEQ_SIZE) >> 2];

  // ---- list ----
  const L = T.list;
  defMethod(vm, L, "append", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "list.append", nargs, 1, 1, kw);
    heap.incref(args[base + 1]);
    listAppendSteal(vm, args[base], args[base + 1]);
    return rt.none();
  });
  defMethod(vm, L, "extend", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "list.extend", nargs, 1, 1, kw);
    listExtend(vm, args[base], args[base + 1]);
    return rt.none();
  });
  defMethod(vm, L, "pop", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "pop", nargs, 0, 1, kw);
    const l = args[base];
    const n = size(l);
    if (n === 0) vm.raise("IndexError", "pop from empty list");
    let i = nargs === 2 ? indexValue(vm, args[base + 1], "list") : n - 1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) vm.raise("IndexError", "pop index out of range");
    const v = listItem(heap, l, i);
    heap.incref(v);
    listDeleteRange(vm, l, i, i + 1);
    return v;
  });
  defMethod(vm, L, "insert", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "insert", nargs, 2, 2, kw);
    const l = args[base];
    const n = size(l);
    let i = indexValue(vm, args[base + 1], "list");
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    listResize(heap, l, n + 1);
    const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
    heap.mem.move(items + PTR * (i + 1), items + PTR * i, PTR * (n - i));
    heap.incref(args[base + 2]);
    heap.mem.setI32(items + PTR * i, args[base + 2]);
    return rt.none();
  });
  const find = (vm: VM, seq: Ref, item: Ref, isList: boolean, start = 0, stop = Infinity): number => {
    const n = size(seq);
    for (let i = Math.max(0, start); i < Math.min(n, stop); i++) {
      const v = isList ? listItem(heap, seq, i) : tupleItem(heap, seq, i);
      if (richCompareBool(vm, v, item, CompareOp.EQ)) return i;
    }
    return -1;
  };
  const bounds = (vm: VM, args: Int32Array, base: number, nargs: number, n: number): [number, number] => {
    const norm = (v: number) => (v < 0 ? Math.max(0, v + n) : v);
    const start = nargs >= 3 ? norm(indexValue(vm, args[base + 2], "slice")) : 0;
    const stop = nargs >= 4 ? norm(indexValue(vm, args[base + 3], "slice")) : n;
    return [start, stop];
  };
  defMethod(vm, L, "remove", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "list.remove", nargs, 1, 1, kw);
    const i = find(vm, args[base], args[base + 1], true);
    if (i < 0) vm.raise("ValueError", "list.remove(x): x not in list");
    listDeleteRange(vm, args[base], i, i + 1);
    return rt.none();
  });
  for (const [t, isList] of [[L, true], [T.tuple, false]] as const) {
    defMethod(vm, t, "index", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "index", nargs, 1, 3, kw);
      const [start, stop] = bounds(vm, args, base, nargs, size(args[base]));
      const i = find(vm, args[base], args[base + 1], isList, start, stop);
      if (i < 0) vm.raise("ValueError", isList ? `${repr(vm, args[base + 1])} is not in list` : "tuple.index(x): x not in tuple");
      return rt.newInt(i);
    });
    defMethod(vm, t, "count", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "count", nargs, 1, 1, kw);
      const seq = args[base];
      let c = 0;
      for (let i = 0; i < size(seq); i++) {
        const v = isList ? listItem(heap, seq, i) : tupleItem(heap, seq, i);
        if (richCompareBool(vm, v, args[base + 1], CompareOp.EQ)) c++;
      }
      return rt.newInt(c);
    });
  }
  defMethod(vm, L, "reverse", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "list.reverse", nargs, 0, 0, kw);
    const l = args[base];
    const n = size(l);
    const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      const a = heap.mem.i32[(items + PTR * i) >> 2];
      heap.mem.setI32(items + PTR * i, heap.mem.i32[(items + PTR * j) >> 2]);
      heap.mem.setI32(items + PTR * j, a);
    }
    return rt.none();
  });
  defMethod(vm, L, "copy", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "list.copy", nargs, 0, 0, kw);
    const l = args[base];
    return vm.list(Array.from({ length: size(l) }, (_, i) => listItem(heap, l, i)));
  });
  defMethod(vm, L, "clear", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "list.clear", nargs, 0, 0, kw);
    listDeleteRange(vm, args[base], 0, size(args[base]));
    return rt.none();
  });
  defMethod(vm, L, "sort", (_vm, args, base, nargs, kwnames) => {
    const kw = keywordArgs(vm, args, base, nargs, kwnames);
    onlyKeywords(vm, "sort", kw, ["key", "reverse"]);
    if (nargs > 1) vm.raise("TypeError", "sort() takes no positional arguments");
    vm.sortList(args[base], kw.get("key") ?? 0, kw.get("reverse") ?? 0);
    return rt.none();
  }, { keywords: true });

  // ---- dict ----
  const D = T.dict;
  defMethod(vm, D, "get", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "get", nargs, 1, 2, kw);
    const v = dictGetItem(vm, args[base], args[base + 1]);
    return rt.newRef(v !== 0 ? v : nargs === 3 ? args[base + 2] : rt.None);
  });
  for (const kind of ["keys", "values", "items"] as const) {
    defMethod(vm, D, kind, (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, `dict.${kind}`, nargs, 0, 0, kw);
      return vm.dictView(args[base], kind);
    });
  }
  defMethod(vm, D, "__iter__", (_vm, args, base) => dictIterator(vm, args[base], "keys"));
  defMethod(vm, D, "pop", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "pop", nargs, 1, 2, kw);
    const v = dictPop(vm, args[base], args[base + 1], nargs === 3 ? args[base + 2] : 0);
    if (v === 0) throw vm.keyError(args[base + 1]);
    return v;
  });
  defMethod(vm, D, "popitem", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "dict.popitem", nargs, 0, 0, kw);
    const out: DictItem = { key: 0, value: 0 } as DictItem;
    if (!dictPopItem(vm, args[base], out)) vm.raise("KeyError", "popitem(): dictionary is empty");
    return tuple2Steal(vm, out.key, out.value);
  });
  defMethod(vm, D, "setdefault", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "setdefault", nargs, 1, 2, kw);
    return rt.newRef(dictSetDefault(vm, args[base], args[base + 1], nargs === 3 ? args[base + 2] : rt.None));
  });
  defMethod(vm, D, "update", (_vm, args, base, nargs, kwnames) => {
    if (nargs > 2) vm.raise("TypeError", `update expected at most 1 argument, got ${nargs - 1}`);
    if (nargs === 2) vm.dictUpdateFrom(args[base], args[base + 1]);
    for (const [k, v] of keywordArgs(vm, args, base, nargs, kwnames)) dictSetItem(vm, args[base], vm.name(k), v);
    return rt.none();
  }, { keywords: true });
  defMethod(vm, D, "copy", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "dict.copy", nargs, 0, 0, kw);
    return dictCopy(vm, args[base]);
  });
  defMethod(vm, D, "clear", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "dict.clear", nargs, 0, 0, kw);
    dictClear(vm, args[base]);
    return rt.none();
  });
  defMethod(vm, D, "fromkeys", (_vm, args, base, nargs, kw) => {
    checkMethodArgs(vm, "fromkeys", nargs, 1, 2, kw);
    const d = callFunction(vm, args[base], []);
    const value = nargs === 3 ? args[base + 2] : rt.None;
    for (const k of materialize(vm, args[base + 1])) {
      dictSetItem(vm, d, k, value);
      heap.decref(k);
    }
    return d;
  }, { classMethod: true });

  // ---- dict views ----
  const viewState = (o: Ref) => vm.rt.side.get(heap.mem.i32[(o + 16) >> 2]) as DictViewState;
  for (const t of [T.dict_keys, T.dict_values, T.dict_items]) {
    defMethod(vm, t, "__iter__", (_vm, args, base) => {
      const st = viewState(args[base]);
      return dictIterator(vm, st.dict, st.kind);
    });
    defMethod(vm, t, "__reversed__", (_vm, args, base) => {
      const st = viewState(args[base]);
      return dictIterator(vm, st.dict, st.kind, true);
    });
    defMethod(vm, t, "__len__", (_vm, args, base) => rt.newInt(dictLen(vm, viewState(args[base]).dict)));
    defMethod(vm, t, "__repr__", (_vm, args, base) => {
      const st = viewState(args[base]);
      const it = dictIterator(vm, st.dict, st.kind);
      const parts: string[] = [];
      try {
        for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
          parts.push(repr(vm, v));
          heap.decref(v);
        }
      } finally {
        heap.decref(it);
      }
      return rt.newStr(`${t.name}([${parts.join(", ")}])`);
    });
    defMethod(vm, t, "__contains__", (_vm, args, base) => {
      const st = viewState(args[base]);
      const x = args[base + 1];
      if (st.kind === "keys") return rt.bool(dictContains(vm, st.dict, x));
      if (st.kind === "items") {
        const kv = materialize(vm, x);
        try {
          if (kv.length !== 2) return rt.bool(false);
          const v = dictGetItem(vm, st.dict, kv[0]);
          return rt.bool(v !== 0 && richCompareBool(vm, v, kv[1], CompareOp.EQ));
        } finally {
          for (const o of kv) heap.decref(o);
        }
      }
      for (const v of dictValues(vm, st.dict)) if (richCompareBool(vm, v, x, CompareOp.EQ)) return rt.bool(true);
      return rt.bool(false);
    });
  }

  void getItem;
  void typeOf;
  void sortRefs;
}
