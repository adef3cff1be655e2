/**
 * The eval loop: one switch over (opcode, oparg) pairs, locals and value stack in the frame's
 * Int32Array, every reference moved, borrowed or released as CPython 3.12's Python/bytecodes.c
 * does for the same instruction (see opcodes.ts). Where 3.12 skips refcounting of objects it
 * knows are immortal (bool results, None tests), so does this loop — but only when the run's
 * strategy and configuration make those objects immortal (`rt.skipImmortalRefs`); otherwise it
 * increfs and decrefs them as 3.11 did, so counts stay balanced.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { dictDelItem, dictGetStr, dictSetItem, dictNew } from "../objects/dict.js";
import { CELL_REF, EXC, FN, GENITER, METHOD, type OwnsReferences } from "../objects/object-layouts.js";
import { listItem, LIST_ITEMS, PTR, SEQ_SIZE, TUPLE_ITEMS, tupleItem } from "../objects/seq-layout.js";
import { typeOf } from "../objects/typeobj.js";
import { delAttr, getAttr, loadMethod, setAttr } from "./attr.js";
import { callVector, makeFrame, newCell } from "./call.js";
import { CodeFlag, LocalKind } from "./code.js";
import {
  buildMapFromStack, buildSetFromStack, buildSlice, buildString, contains, delItem, dictMergeInto, formatValue, getItem,
  getIter, getSlice, iterNext, listAppendSteal, listExtend, listToTuple, setAddItem, setItem, setSlice, setUpdate, unpackEx, unpackSequence,
} from "./containers.js";
import { PyError, StepBudgetExceeded } from "./errors.js";
import { Frame } from "./frame.js";
import { Intrinsic, Op } from "./opcodes.js";
import { binaryOp, isTrue, richCompare, fastCompare, unaryOp } from "./ops.js";
import { genFinalize } from "./generators.js";
import { tracebackObject } from "./exceptions.js";
import type { VM } from "./vm.js";

const O = Op;
/** Instructions between two checks of the eval breaker (pending GC, step budget) on backward jumps. */
const BREAKER_INTERVAL = 1;

/** A generator's suspended frame, owned by the generator object. */
export class GeneratorState implements OwnsReferences {
  /** Resumed at least once (a fresh generator accepts only None from send()). */
  started = false;
  /**
   * The exception the suspended frame is handling (owned, or 0): a generator that yields inside
   * an `except` block keeps it to itself (CPython's gi_exc_state), the caller's comes back.
   */
  excState: Ref = 0;

  constructor(
    readonly vm: VM,
    readonly frame: Frame,
  ) {}

  traverse(visit: (child: Ref) => void): void {
    const f = this.frame;
    if (this.excState !== 0) visit(this.excState);
    if (f.done) return;
    const s = f.s;
    for (let i = 0; i < f.sp; i++) if (s[i] !== 0) visit(s[i]);
    if (f.func !== 0) visit(f.func);
  }

  clear(): void {
    const exc = this.excState;
    this.excState = 0;
    if (exc !== 0) this.vm.heap.decref(exc);
    const f = this.frame;
    if (f.done) return;
    f.done = true;
    this.vm.releaseFrame(f);
  }

  /** Close a suspended generator whose last reference is going (runs its `finally` blocks). */
  finalize(g: Ref): void {
    genFinalize(this.vm, g);
  }
}

/**
 * Call a generator function's fresh frame: run its prologue up to RETURN_GENERATOR, then wrap
 * the suspended frame in a generator object (a new reference).
 */
export function newGenerator(vm: VM, frame: Frame): Ref {
  evalFrame(vm, frame, 0);
  const g = vm.heap.allocate(vm.rt.L.generator);
  const state = new GeneratorState(vm, frame);
  vm.heap.mem.setI32(g + GENITER.side, vm.rt.side.add(state));
  frame.generator = g;
  return g;
}

/** The state of a generator object. */
export function generatorState(vm: VM, g: Ref): GeneratorState {
  return vm.rt.side.get(vm.heap.mem.i32[(g + GENITER.side) >> 2]) as GeneratorState;
}

/**
 * Resume a generator with `sent` (borrowed; pushed as a new reference) or by throwing `exc`
 * (owned) into it. Returns the yielded value (new reference) and sets `out.done` false, or the
 * return value with `out.done` true (the caller turns it into StopIteration where needed).
 */
export function resumeGenerator(vm: VM, g: Ref, sent: Ref, exc: Ref, out: { done: boolean }): Ref {
  const st = generatorState(vm, g);
  const f = st.frame;
  if (f.running) {
    if (exc !== 0) vm.heap.decref(exc);
    vm.raise("ValueError", "generator already executing");
  }
  if (f.done) {
    if (exc !== 0) throw vm.errorFromException(exc);
    out.done = true;
    return vm.rt.none();
  }
  if (exc === 0) {
    if (!st.started && sent !== vm.rt.None) vm.raise("TypeError", "can't send non-None value to a just-started generator");
    vm.heap.incref(sent);
    f.s[f.sp++] = sent;
  } else {
    // gen_send_ex2 pushes None even when throwing: the exception table's handler depths (the
    // `yield from` loop's CLEANUP_THROW expects [receiver, value]) count that slot.
    f.s[f.sp++] = vm.rt.none();
  }
  st.started = true;
  // The generator's own handled exception replaces the caller's while it runs.
  const outer = vm.handled;
  vm.handled = st.excState;
  st.excState = 0;
  let r: Ref;
  try {
    r = evalFrame(vm, f, exc);
  } finally {
    const inner = vm.handled;
    vm.handled = outer;
    if (!f.done && f.yielded) st.excState = inner;
    else if (inner !== 0) vm.heap.decref(inner);
  }
  out.done = !f.yielded;
  return r;
}

/**
 * Run `frame` until it returns or yields. `throwIn` (owned, or 0) is an exception raised at the
 * frame's current instruction, as generator.throw() does. Returns a new reference.
 */
export function evalFrame(vm: VM, frame: Frame, throwIn: Ref): Ref {
  if (vm.depth >= vm.config.recursionLimit) {
    if (throwIn !== 0) vm.heap.decref(throwIn);
    if (frame.generator === 0) vm.releaseFrame(frame);
    vm.raise("RecursionError", "maximum recursion depth exceeded");
  }
  vm.depth++;
  frame.back = vm.frame;
  vm.frame = frame;
  frame.running = true;
  frame.yielded = false;
  try {
    return run(vm, frame, throwIn);
  } finally {
    frame.running = false;
    vm.frame = frame.back;
    frame.back = null;
    vm.depth--;
  }
}

function run(vm: VM, f: Frame, throwIn: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  const lc = f.code;
  const co = lc.co;
  const code = co.code;
  const consts = lc.consts;
  const s = f.s;
  const skip = rt.skipImmortalRefs;
  const True = rt.True;
  const False = rt.False;
  const None = rt.None;
  let sp = f.sp;
  let ip = f.ip;
  let pending: unknown = null;
  if (throwIn !== 0) pending = vm.errorFromException(throwIn);
  // The instruction an exception is raised at, for the exception-table lookup. It is f.lasti
  // except after RERAISE, which restores f.lasti to the original raising instruction (for the
  // lasti pushed to the next handler) while the handler is still looked up at the RERAISE itself,
  // as CPython's exception_unwind does with next_instr.
  let at = f.lasti;
  for (;;) {
    try {
      if (pending !== null) {
        const e = pending;
        pending = null;
        throw e;
      }
      for (;;) {
        const op = code[ip << 1];
        const oparg = code[(ip << 1) + 1];
        f.lasti = at = ip;
        ip++;
        switch (op) {
          case O.NOP:
            break;
          case O.RESUME:
            if (vm.breakerArmed) vm.checkBreaker();
            break;
          case O.POP_TOP:
            heap.decref(s[--sp]);
            break;
          case O.PUSH_NULL:
            s[sp++] = 0;
            break;
          case O.END_FOR:
            heap.decref(s[--sp]);
            heap.decref(s[--sp]);
            break;
          case O.COPY: {
            const v = s[sp - oparg];
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case O.SWAP: {
            const t = s[sp - 1];
            s[sp - 1] = s[sp - oparg];
            s[sp - oparg] = t;
            break;
          }
          case O.LOAD_CONST: {
            const v = consts[oparg];
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case O.RETURN_CONST: {
            const v = consts[oparg];
            heap.incref(v);
            f.sp = sp;
            return finish(vm, f, v);
          }
          case O.LOAD_FAST: {
            const v = s[oparg];
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case O.LOAD_FAST_CHECK: {
            const v = s[oparg];
            if (v === 0) unboundLocal(vm, co.localsPlusNames[oparg]);
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case O.LOAD_FAST_AND_CLEAR:
            s[sp++] = s[oparg];
            s[oparg] = 0;
            break;
          case O.STORE_FAST: {
            const old = s[oparg];
            s[oparg] = s[--sp];
            if (old !== 0) heap.decref(old);
            break;
          }
          case O.DELETE_FAST: {
            const old = s[oparg];
            if (old === 0) unboundLocal(vm, co.localsPlusNames[oparg]);
            s[oparg] = 0;
            heap.decref(old);
            break;
          }
          case O.LOAD_NAME: {
            const v = loadName(vm, f, oparg);
            s[sp++] = v;
            break;
          }
          case O.STORE_NAME: {
            const v = s[--sp];
            if (f.locals === 0) {
              heap.decref(v);
              vm.raise("SystemError", `no locals found when storing '${lc.names[oparg]}'`);
            }
            storeMapping(vm, f.locals, lc.nameRefs[oparg], v);
            heap.decref(v);
            break;
          }
          case O.DELETE_NAME:
            if (!deleteMapping(vm, f.locals, lc.nameRefs[oparg])) nameError(vm, lc.names[oparg]);
            break;
          case O.LOAD_GLOBAL: {
            const v = loadGlobal(vm, f, lc.nameRefs[oparg >> 1], lc.names[oparg >> 1]);
            if ((oparg & 1) !== 0) s[sp++] = 0;
            s[sp++] = v;
            break;
          }
          case O.STORE_GLOBAL: {
            const v = s[--sp];
            dictSetItem(vm, f.globals, lc.nameRefs[oparg], v);
            heap.decref(v);
            break;
          }
          case O.DELETE_GLOBAL:
            if (!dictDelItem(vm, f.globals, lc.nameRefs[oparg])) nameError(vm, lc.names[oparg]);
            break;
          case O.LOAD_DEREF: {
            const v = heap.mem.i32[(s[oparg] + CELL_REF) >> 2];
            if (v === 0) freeVarError(vm, f, oparg);
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case O.STORE_DEREF: {
            const cell = s[oparg];
            const old = heap.mem.i32[(cell + CELL_REF) >> 2];
            heap.mem.setI32(cell + CELL_REF, s[--sp]);
            if (old !== 0) heap.decref(old);
            break;
          }
          case O.DELETE_DEREF: {
            const cell = s[oparg];
            const old = heap.mem.i32[(cell + CELL_REF) >> 2];
            if (old === 0) freeVarError(vm, f, oparg);
            heap.mem.setI32(cell + CELL_REF, 0);
            heap.decref(old);
            break;
          }
          case O.LOAD_CLOSURE: {
            const cell = s[oparg];
            heap.incref(cell);
            s[sp++] = cell;
            break;
          }
          case O.MAKE_CELL:
            s[oparg] = newCell(vm, s[oparg]);
            break;
          case O.COPY_FREE_VARS: {
            const closure = heap.mem.i32[(f.func + FN.closure) >> 2];
            const offset = lc.nlocalsplus - oparg;
            for (let i = 0; i < oparg; i++) {
              const cell = tupleItem(heap, closure, i);
              heap.incref(cell);
              s[offset + i] = cell;
            }
            break;
          }
          case O.LOAD_LOCALS: {
            if (f.locals === 0) vm.raise("SystemError", "no locals found");
            heap.incref(f.locals);
            s[sp++] = f.locals;
            break;
          }
          case O.LOAD_FROM_DICT_OR_DEREF: {
            const mapping = s[sp - 1];
            const name = co.localsPlusNames[oparg];
            let v = dictGetStr(vm, mapping, vm.name(name));
            if (v !== 0) heap.incref(v);
            else {
              v = heap.mem.i32[(s[oparg] + CELL_REF) >> 2];
              if (v === 0) freeVarError(vm, f, oparg);
              heap.incref(v);
            }
            heap.decref(mapping);
            s[sp - 1] = v;
            break;
          }
          case O.LOAD_ATTR: {
            const owner = s[sp - 1];
            const name = lc.names[oparg >> 1];
            if ((oparg & 1) !== 0) {
              const meth = loadMethod(vm, owner, name, vm.methodOut);
              if (vm.methodOut.isMethod) {
                s[sp - 1] = meth;
                s[sp++] = owner; // the owner's reference moves into the self slot
              } else {
                heap.decref(owner);
                s[sp - 1] = 0;
                s[sp++] = meth;
              }
            } else {
              const v = getAttr(vm, owner, name);
              heap.decref(owner);
              s[sp - 1] = v;
            }
            break;
          }
          case O.STORE_ATTR: {
            const owner = s[--sp];
            const v = s[--sp];
            try {
              setAttr(vm, owner, lc.names[oparg], v);
            } finally {
              heap.decref(v);
              heap.decref(owner);
            }
            break;
          }
          case O.DELETE_ATTR: {
            const owner = s[--sp];
            try {
              delAttr(vm, owner, lc.names[oparg]);
            } finally {
              heap.decref(owner);
            }
            break;
          }
          case O.LOAD_SUPER_ATTR: {
            const self = s[--sp];
            const cls = s[--sp];
            const sup = s[--sp];
            const name = lc.names[oparg >> 2];
            let res: Ref;
            let isMethod = false;
            try {
              res = vm.superAttr(sup, cls, self, name, (oparg & 1) !== 0, vm.methodOut);
              isMethod = vm.methodOut.isMethod;
            } catch (e) {
              heap.decref(self);
              heap.decref(cls);
              heap.decref(sup);
              throw e;
            }
            heap.decref(cls);
            heap.decref(sup);
            if ((oparg & 1) !== 0) {
              if (isMethod) {
                s[sp++] = res;
                s[sp++] = self;
              } else {
                heap.decref(self);
                s[sp++] = 0;
                s[sp++] = res;
              }
            } else {
              heap.decref(self);
              s[sp++] = res;
            }
            break;
          }
          case O.BINARY_OP: {
            const rhs = s[sp - 1];
            const lhs = s[sp - 2];
            const res = binaryOp(vm, oparg, lhs, rhs);
            heap.decref(lhs);
            heap.decref(rhs);
            sp--;
            s[sp - 1] = res;
            break;
          }
          case O.UNARY_NEGATIVE:
          case O.UNARY_INVERT: {
            const v = s[sp - 1];
            const res = unaryOp(vm, op === O.UNARY_NEGATIVE ? "neg" : "invert", v);
            heap.decref(v);
            s[sp - 1] = res;
            break;
          }
          case O.UNARY_NOT: {
            const v = s[sp - 1];
            const t = isTrue(vm, v);
            heap.decref(v);
            const res = t ? False : True;
            if (!skip) heap.incref(res);
            s[sp - 1] = res;
            break;
          }
          case O.COMPARE_OP: {
            const rhs = s[sp - 1];
            const lhs = s[sp - 2];
            const fast = fastCompare(vm, lhs, rhs, oparg);
            let res: Ref;
            if (fast >= 0) {
              // 3.12's COMPARE_OP_INT/FLOAT/STR push the bool without an incref.
              res = fast === 1 ? True : False;
              if (!skip) heap.incref(res);
            } else {
              res = richCompare(vm, lhs, rhs, oparg);
            }
            heap.decref(lhs);
            heap.decref(rhs);
            sp--;
            s[sp - 1] = res;
            break;
          }
          case O.IS_OP: {
            const rhs = s[--sp];
            const lhs = s[sp - 1];
            const res = (lhs === rhs) !== (oparg === 1) ? True : False;
            heap.decref(lhs);
            heap.decref(rhs);
            if (!skip) heap.incref(res);
            s[sp - 1] = res;
            break;
          }
          case O.CONTAINS_OP: {
            const container = s[--sp];
            const item = s[sp - 1];
            let c: boolean;
            try {
              c = contains(vm, container, item);
            } catch (e) {
              heap.decref(container);
              throw e;
            }
            heap.decref(item);
            heap.decref(container);
            const res = c !== (oparg === 1) ? True : False;
            if (!skip) heap.incref(res);
            s[sp - 1] = res;
            break;
          }
          case O.BINARY_SUBSCR: {
            const sub = s[sp - 1];
            const container = s[sp - 2];
            const res = getItem(vm, container, sub);
            heap.decref(container);
            heap.decref(sub);
            sp--;
            s[sp - 1] = res;
            break;
          }
          case O.STORE_SUBSCR: {
            const sub = s[--sp];
            const container = s[--sp];
            const v = s[--sp];
            try {
              setItem(vm, container, sub, v);
            } finally {
              heap.decref(v);
              heap.decref(container);
              heap.decref(sub);
            }
            break;
          }
          case O.DELETE_SUBSCR: {
            const sub = s[--sp];
            const container = s[--sp];
            try {
              delItem(vm, container, sub);
            } finally {
              heap.decref(container);
              heap.decref(sub);
            }
            break;
          }
          case O.BINARY_SLICE: {
            const stop = s[sp - 1];
            const start = s[sp - 2];
            const container = s[sp - 3];
            const res = getSlice(vm, container, start, stop);
            heap.decref(container);
            heap.decref(start);
            heap.decref(stop);
            sp -= 2;
            s[sp - 1] = res;
            break;
          }
          case O.STORE_SLICE: {
            const stop = s[--sp];
            const start = s[--sp];
            const container = s[--sp];
            const v = s[--sp];
            try {
              setSlice(vm, container, start, stop, v);
            } finally {
              heap.decref(v);
              heap.decref(container);
              heap.decref(start);
              heap.decref(stop);
            }
            break;
          }
          case O.BUILD_SLICE: {
            const res = buildSlice(vm, s, sp - oparg, oparg);
            for (let i = sp - oparg; i < sp; i++) heap.decref(s[i]);
            sp -= oparg;
            s[sp++] = res;
            break;
          }
          case O.BUILD_TUPLE: {
            const t = rt.newTuple(oparg);
            for (let i = 0; i < oparg; i++) heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, s[sp - oparg + i]);
            sp -= oparg;
            s[sp++] = t;
            break;
          }
          case O.BUILD_LIST: {
            const l = rt.newList(oparg);
            const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
            for (let i = 0; i < oparg; i++) heap.mem.setI32(items + PTR * i, s[sp - oparg + i]);
            heap.mem.setI32(l + SEQ_SIZE, oparg);
            sp -= oparg;
            s[sp++] = l;
            break;
          }
          case O.BUILD_SET: {
            const res = buildSetFromStack(vm, s, sp - oparg, oparg);
            for (let i = sp - oparg; i < sp; i++) heap.decref(s[i]);
            sp -= oparg;
            s[sp++] = res;
            break;
          }
          case O.BUILD_MAP: {
            const res = buildMapFromStack(vm, s, sp - 2 * oparg, oparg, 0);
            for (let i = sp - 2 * oparg; i < sp; i++) heap.decref(s[i]);
            sp -= 2 * oparg;
            s[sp++] = res;
            break;
          }
          case O.BUILD_CONST_KEY_MAP: {
            const keys = s[sp - 1];
            const res = buildMapFromStack(vm, s, sp - 1 - oparg, oparg, keys);
            for (let i = sp - 1 - oparg; i < sp; i++) heap.decref(s[i]);
            sp -= oparg + 1;
            s[sp++] = res;
            break;
          }
          case O.BUILD_STRING: {
            const res = buildString(vm, s, sp - oparg, oparg);
            for (let i = sp - oparg; i < sp; i++) heap.decref(s[i]);
            sp -= oparg;
            s[sp++] = res;
            break;
          }
          case O.LIST_APPEND: {
            const v = s[--sp];
            listAppendSteal(vm, s[sp - oparg], v);
            break;
          }
          case O.SET_ADD: {
            const v = s[--sp];
            try {
              setAddItem(vm, s[sp - oparg], v);
            } finally {
              heap.decref(v);
            }
            break;
          }
          case O.MAP_ADD: {
            const v = s[--sp];
            const k = s[--sp];
            try {
              dictSetItem(vm, s[sp - oparg], k, v);
            } finally {
              heap.decref(k);
              heap.decref(v);
            }
            break;
          }
          case O.LIST_EXTEND:
          case O.SET_UPDATE:
          case O.DICT_UPDATE:
          case O.DICT_MERGE: {
            const it = s[--sp];
            const target = s[sp - oparg];
            try {
              if (op === O.LIST_EXTEND) listExtend(vm, target, it);
              else if (op === O.SET_UPDATE) setUpdate(vm, target, it);
              else dictMergeInto(vm, target, it, op === O.DICT_MERGE ? s[sp - oparg - 2] : 0);
            } finally {
              heap.decref(it);
            }
            break;
          }
          case O.FORMAT_VALUE: {
            const spec = (oparg & 4) !== 0 ? s[--sp] : 0;
            const v = s[sp - 1];
            let res: Ref;
            try {
              res = formatValue(vm, v, oparg & 3, spec);
            } finally {
              if (spec !== 0) heap.decref(spec);
            }
            heap.decref(v);
            s[sp - 1] = res;
            break;
          }
          case O.JUMP_FORWARD:
          case O.JUMP_BACKWARD_NO_INTERRUPT:
            ip = oparg;
            break;
          case O.JUMP_BACKWARD:
            ip = oparg;
            if (vm.breakerArmed) {
              f.sp = sp;
              vm.checkBreaker();
            }
            break;
          case O.POP_JUMP_IF_FALSE:
          case O.POP_JUMP_IF_TRUE: {
            const cond = s[--sp];
            let t: boolean;
            if (cond === True || cond === False) {
              t = cond === True;
              if (!skip) heap.decref(cond);
            } else {
              try {
                t = isTrue(vm, cond);
              } finally {
                heap.decref(cond);
              }
            }
            if (t === (op === O.POP_JUMP_IF_TRUE)) ip = oparg;
            break;
          }
          case O.POP_JUMP_IF_NONE:
          case O.POP_JUMP_IF_NOT_NONE: {
            const v = s[--sp];
            const isNone = v === None;
            if (!isNone || !skip) heap.decref(v);
            if (isNone === (op === O.POP_JUMP_IF_NONE)) ip = oparg;
            break;
          }
          case O.GET_ITER: {
            const v = s[sp - 1];
            const it = getIter(vm, v);
            heap.decref(v);
            s[sp - 1] = it;
            break;
          }
          case O.GET_YIELD_FROM_ITER: {
            const v = s[sp - 1];
            if (heap.mem.i32[(v + TYPE_WORD) >> 2] !== rt.L.generator) {
              const it = getIter(vm, v);
              heap.decref(v);
              s[sp - 1] = it;
            }
            break;
          }
          case O.FOR_ITER: {
            const it = s[sp - 1];
            const next = iterNext(vm, it);
            if (next !== 0) {
              s[sp++] = next;
            } else {
              heap.decref(it);
              sp--;
              ip = oparg + 1; // past END_FOR
            }
            break;
          }
          case O.KW_NAMES:
            f.kwnames = consts[oparg];
            break;
          case O.CALL: {
            const kwnames = f.kwnames;
            f.kwnames = 0;
            f.sp = sp;
            let res: Ref;
            try {
              res = doCall(vm, f, oparg, kwnames);
            } catch (e) {
              // doCall released the callable and the arguments: unwind from below them.
              sp = f.sp;
              throw e;
            }
            sp = f.sp;
            s[sp++] = res;
            break;
          }
          case O.CALL_FUNCTION_EX: {
            const kwargs = (oparg & 1) !== 0 ? s[--sp] : 0;
            const callargs = s[--sp];
            const func = s[--sp];
            const nul = s[--sp];
            let res: Ref;
            try {
              res = vm.callWithTupleAndDict(func, callargs, kwargs);
            } finally {
              heap.decref(callargs);
              if (kwargs !== 0) heap.decref(kwargs);
              heap.decref(func);
              if (nul !== 0) heap.decref(nul);
            }
            s[sp++] = res;
            break;
          }
          case O.MAKE_FUNCTION: {
            const codeObj = s[--sp];
            const closure = (oparg & 8) !== 0 ? s[--sp] : 0;
            const annotations = (oparg & 4) !== 0 ? s[--sp] : 0;
            const kwdefaults = (oparg & 2) !== 0 ? s[--sp] : 0;
            const defaults = (oparg & 1) !== 0 ? s[--sp] : 0;
            const fn = vm.makeFunction(codeObj, f.globals, f.builtins, defaults, kwdefaults, closure, annotations);
            s[sp++] = fn;
            break;
          }
          case O.RETURN_VALUE: {
            const v = s[--sp];
            f.sp = sp;
            return finish(vm, f, v);
          }
          case O.RAISE_VARARGS: {
            const cause = oparg === 2 ? s[--sp] : 0;
            const exc = oparg >= 1 ? s[--sp] : 0;
            f.sp = sp;
            throw vm.raiseFromOperands(exc, cause);
          }
          case O.RERAISE: {
            const exc = s[--sp];
            if (oparg !== 0) {
              const lastiObj = s[sp - oparg];
              f.lasti = Number(rt.intValue(lastiObj));
            }
            f.sp = sp;
            throw vm.reraise(exc);
          }
          case O.PUSH_EXC_INFO: {
            const exc = s[sp - 1];
            const prev = vm.handled === 0 ? rt.none() : vm.handled;
            heap.incref(exc);
            vm.handled = exc;
            s[sp - 1] = prev;
            s[sp++] = exc;
            break;
          }
          case O.POP_EXCEPT: {
            const prev = s[--sp];
            const old = vm.handled;
            vm.handled = prev === None ? 0 : prev;
            if (prev === None) heap.decref(prev);
            if (old !== 0) heap.decref(old);
            break;
          }
          case O.CHECK_EXC_MATCH: {
            const type = s[--sp];
            const exc = s[sp - 1];
            let m: boolean;
            try {
              m = vm.exceptionMatches(exc, type);
            } finally {
              heap.decref(type);
            }
            const res = m ? True : False;
            if (!skip) heap.incref(res);
            s[sp++] = res;
            break;
          }
          case O.LOAD_ASSERTION_ERROR: {
            const t = vm.T.exc.AssertionError.ref;
            heap.incref(t);
            s[sp++] = t;
            break;
          }
          case O.BEFORE_WITH: {
            const mgr = s[sp - 1];
            const [exit, res] = vm.enterContext(mgr);
            heap.decref(mgr);
            s[sp - 1] = exit;
            s[sp++] = res;
            break;
          }
          case O.WITH_EXCEPT_START: {
            const val = s[sp - 1];
            const exit = s[sp - 4];
            const t = typeOf(rt, val).ref;
            const tb = tracebackObject(vm, val);
            try {
              // Not `s[sp++] = call()`: JS evaluates s[sp++] first, so a raising __exit__
              // would leave a stale slot on the stack for the unwinder to release.
              const res = vm.callArgs(exit, [t, val, tb]);
              s[sp++] = res;
            } finally {
              heap.decref(tb);
            }
            break;
          }
          case O.UNPACK_SEQUENCE: {
            const seq = s[sp - 1];
            sp--;
            try {
              unpackSequence(vm, seq, oparg, s, sp);
            } finally {
              heap.decref(seq);
            }
            sp += oparg;
            break;
          }
          case O.UNPACK_EX: {
            const seq = s[sp - 1];
            sp--;
            const n = (oparg & 0xff) + (oparg >> 8) + 1;
            try {
              unpackEx(vm, seq, oparg & 0xff, oparg >> 8, s, sp);
            } finally {
              heap.decref(seq);
            }
            sp += n;
            break;
          }
          case O.IMPORT_NAME: {
            const fromlist = s[--sp];
            const level = s[--sp];
            let res: Ref;
            try {
              res = vm.importName(lc.names[oparg], f.globals, fromlist, level);
            } finally {
              heap.decref(fromlist);
              heap.decref(level);
            }
            s[sp++] = res;
            break;
          }
          case O.IMPORT_FROM:
            s[sp] = vm.importFrom(s[sp - 1], lc.names[oparg]);
            sp++;
            break;
          case O.LOAD_BUILD_CLASS: {
            const bc = loadGlobal(vm, f, vm.name("__build_class__"), "__build_class__");
            s[sp++] = bc;
            break;
          }
          case O.SETUP_ANNOTATIONS:
            if (f.locals !== 0 && dictGetStr(vm, f.locals, vm.name("__annotations__")) === 0) {
              const d = dictNew(vm);
              dictSetItem(vm, f.locals, vm.name("__annotations__"), d);
              heap.decref(d);
            }
            break;
          case O.RETURN_GENERATOR:
            // The prologue (MAKE_CELL, COPY_FREE_VARS) has run: suspend; the caller wraps the
            // frame in a generator object, and the first resumption pushes the sent value here.
            f.sp = sp;
            f.ip = ip;
            f.yielded = true;
            return 0;
          case O.YIELD_VALUE: {
            const v = s[--sp];
            f.sp = sp;
            f.ip = ip;
            f.yielded = true;
            return v;
          }
          case O.SEND: {
            // The sent value is popped first: released here whatever happens, it must not be
            // left on the stack for the unwinder too.
            const v = s[--sp];
            const receiver = s[sp - 1];
            const out = vm.sendOut;
            let res: Ref;
            try {
              res = vm.send(receiver, v, out);
            } finally {
              heap.decref(v);
            }
            s[sp++] = res;
            if (out.done) ip = oparg;
            break;
          }
          case O.END_SEND: {
            const v = s[--sp];
            heap.decref(s[sp - 1]);
            s[sp - 1] = v;
            break;
          }
          case O.CLEANUP_THROW: {
            const exc = s[--sp];
            const last = s[--sp];
            const sub = s[--sp];
            if (vm.isStopIteration(exc)) {
              const value = heap.mem.i32[(exc + EXC.value) >> 2] || None;
              heap.incref(value);
              heap.decref(exc);
              heap.decref(last);
              heap.decref(sub);
              s[sp++] = rt.none();
              s[sp++] = value;
            } else {
              heap.decref(last);
              heap.decref(sub);
              f.sp = sp;
              throw vm.reraise(exc);
            }
            break;
          }
          case O.CALL_INTRINSIC_1: {
            // Popped before the call: if it raises, the operand (released here) must not stay on
            // the stack for the unwinder to release again.
            const v = s[--sp];
            let res: Ref;
            try {
              res = intrinsic1(vm, f, oparg, v);
            } finally {
              heap.decref(v);
            }
            s[sp++] = res;
            break;
          }
          default:
            vm.raise("SystemError", `unknown opcode ${op} at ${co.filename}:${co.lines[ip - 1]}`);
        }
      }
    } catch (err) {
      if (err instanceof StepBudgetExceeded) {
        f.sp = sp;
        vm.releaseFrame(f);
        throw err;
      }
      const e = vm.toPyError(err);
      const fromReraise = e.reraised;
      e.reraised = false;
      if (!fromReraise) vm.addTraceback(e.exc, f);
      const handler = findHandler(co.exceptionTable, at);
      if (handler === null) {
        f.sp = sp;
        f.done = true;
        vm.releaseFrame(f);
        throw e;
      }
      while (sp > lc.nlocalsplus + handler.depth) {
        const v = s[--sp];
        if (v !== 0) heap.decref(v);
      }
      if (handler.lasti) s[sp++] = rt.newInt(f.lasti);
      s[sp++] = e.exc;
      e.exc = 0;
      ip = handler.target;
    }
  }
}

/** The innermost exception-table entry covering instruction `ip`, or null. */
function findHandler(table: Frame["code"]["co"]["exceptionTable"], ip: number) {
  for (const h of table) if (ip >= h.start && ip < h.end) return h;
  return null;
}

/** Leave a frame that returned `v`: release its locals (a generator's frame is marked done). */
function finish(vm: VM, f: Frame, v: Ref): Ref {
  f.done = true;
  vm.releaseFrame(f);
  return v;
}

/** CALL: the callable and arguments sit at the top of `f`'s stack in 3.12's layout. */
function doCall(vm: VM, f: Frame, oparg: number, kwnames: Ref): Ref {
  const heap = vm.heap;
  const rt = vm.rt;
  const s = f.s;
  const sp = f.sp;
  let argBase = sp - oparg;
  let nargs = oparg;
  const methodSlot = argBase - 2;
  let callable = s[methodSlot];
  if (callable !== 0) {
    // [method, self, args…]: self becomes the first argument.
    argBase--;
    nargs++;
  } else {
    callable = s[argBase - 1];
    // A bound method in the callable slot: unpack it into function and self, as CALL does.
    if (heap.mem.i32[(callable + TYPE_WORD) >> 2] === rt.L.method && heap.mem.i32[(callable + TYPE_AUX) >> 2] === 0) {
      const func = heap.mem.i32[(callable + METHOD.func) >> 2];
      const self = heap.mem.i32[(callable + METHOD.self) >> 2];
      heap.incref(func);
      heap.incref(self);
      s[methodSlot] = func;
      s[argBase - 1] = self;
      heap.decref(callable);
      callable = func;
      argBase--;
      nargs++;
    }
  }
  const nkw = kwnames === 0 ? 0 : heap.mem.i32[(kwnames + SEQ_SIZE) >> 2];
  const npos = nargs - nkw;
  f.sp = methodSlot;
  // Exactly one stack reference to the callable (the method slot, or the slot above a NULL) and
  // one to each argument are released here, whatever happens.
  if (heap.mem.i32[(callable + TYPE_WORD) >> 2] === rt.L.function && heap.mem.i32[(callable + TYPE_AUX) >> 2] === 0) {
    // Python function: the new frame steals the arguments (no refcount traffic), as 3.12 does;
    // makeFrame zeroes the slots it took, so only what an error left behind is released.
    let frame: Frame;
    try {
      frame = makeFrame(vm, callable, s, argBase, npos, kwnames, true);
    } finally {
      for (let i = argBase; i < argBase + nargs; i++) if (s[i] !== 0) heap.decref(s[i]);
      heap.decref(callable);
    }
    if ((frame.code.co.flags & CodeFlag.GENERATOR) !== 0) return newGenerator(vm, frame);
    return evalFrame(vm, frame, 0);
  }
  try {
    return callVector(vm, callable, s, argBase, npos, kwnames);
  } finally {
    for (let i = argBase; i < argBase + nargs; i++) heap.decref(s[i]);
    heap.decref(callable);
  }
}

function unboundLocal(vm: VM, name: string): never {
  vm.raise("UnboundLocalError", `cannot access local variable '${name}' where it is not associated with a value`);
}

function nameError(vm: VM, name: string): never {
  vm.raise("NameError", `name '${name}' is not defined`);
}

function freeVarError(vm: VM, f: Frame, i: number): never {
  const name = f.code.co.localsPlusNames[i];
  if ((f.code.co.localsPlusKinds[i] & LocalKind.FREE) !== 0) {
    vm.raise("NameError", `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }
  unboundLocal(vm, name);
}

/** LOAD_GLOBAL: globals, then builtins; a new reference. */
function loadGlobal(vm: VM, f: Frame, nameRef: Ref, name: string): Ref {
  let v = dictGetStr(vm, f.globals, nameRef);
  if (v === 0) v = dictGetStr(vm, f.builtins, nameRef);
  if (v === 0) nameError(vm, name);
  vm.heap.incref(v);
  return v;
}

/** LOAD_NAME: locals, globals, builtins; a new reference. */
function loadName(vm: VM, f: Frame, i: number): Ref {
  const lc = f.code;
  const nameRef = lc.nameRefs[i];
  if (f.locals !== 0) {
    const v = loadMapping(vm, f.locals, nameRef);
    if (v !== 0) return v;
  }
  return loadGlobal(vm, f, nameRef, lc.names[i]);
}

function loadMapping(vm: VM, mapping: Ref, key: Ref): Ref {
  if (vm.heap.mem.i32[(mapping + TYPE_WORD) >> 2] === vm.rt.L.dict && vm.heap.mem.i32[(mapping + TYPE_AUX) >> 2] === 0) {
    const v = dictGetStr(vm, mapping, key);
    if (v !== 0) vm.heap.incref(v);
    return v;
  }
  return vm.getItemOrZero(mapping, key);
}

function storeMapping(vm: VM, mapping: Ref, key: Ref, v: Ref): void {
  if (vm.heap.mem.i32[(mapping + TYPE_WORD) >> 2] === vm.rt.L.dict && vm.heap.mem.i32[(mapping + TYPE_AUX) >> 2] === 0) {
    dictSetItem(vm, mapping, key, v);
  } else {
    setItem(vm, mapping, key, v);
  }
}

function deleteMapping(vm: VM, mapping: Ref, key: Ref): boolean {
  return dictDelItem(vm, mapping, key);
}

function intrinsic1(vm: VM, f: Frame, which: number, v: Ref): Ref {
  switch (which) {
    case Intrinsic.UNARY_POSITIVE:
      return unaryOp(vm, "pos", v);
    case Intrinsic.LIST_TO_TUPLE:
      return listToTuple(vm, v);
    case Intrinsic.IMPORT_STAR:
      vm.importStar(v, f.locals !== 0 ? f.locals : f.globals);
      return vm.rt.none();
    case Intrinsic.STOPITERATION_ERROR:
      return vm.stopIterationToRuntimeError(v);
    case Intrinsic.PRINT:
      vm.config.stdout(vm.reprOf(v) + "\n");
      return vm.rt.none();
  }
  vm.raise("SystemError", `unknown intrinsic ${which}`);
}

export { PyError, listItem };
