/**
 * The eval loop: one switch over (opcode, oparg) pairs, locals and value stack in the frame's
 * Int32Array, every reference moved, borrowed or released as CPython 3.12's Python/bytecodes.c
 * does for the same instruction (see opcodes.ts). Where 3.12 skips refcounting of objects it
 * knows are immortal (bool results, None tests), so does this loop — but only when the run's
 * strategy and configuration make those objects immortal (`rt.skipImmortalRefs`); otherwise it
 * increfs and decrefs them as 3.11 did, so counts stay balanced.
 */
import { TYPE_AUX, TYPE_WORD, type Ref } from "@immortal/heap";
import { DICT_VERSION_OFFSET, dictDelItem, dictGetStr, dictSetItem, dictNew } from "../objects/dict.js";
import { CELL_REF, EXC, FN, GENITER, METHOD, type OwnsReferences } from "../objects/object-layouts.js";
import { listItem, LIST_ITEMS, PTR, SEQ_SIZE, TUPLE_ITEMS, tupleItem } from "../objects/seq-layout.js";
import { pyTypeOfTypeObject, typeOf } from "../objects/typeobj.js";
import { delAttr, lookupType } from "./attr.js";
import { AttrSite, loadAttr, loadAttrMethod, storeAttr } from "./attr-plan.js";
import { callVector, functionCode, makeFrame, newCell } from "./call.js";
import { allocInstance } from "./classes.js";
import { CodeFlag, LocalKind, type CodeObject } from "./code.js";
import {
  buildMapFromStack, buildSetFromStack, buildSlice, buildString, contains, delItem, dictMergeInto, formatValue, getItem,
  getIter, getSlice, iterNext, listAppendSteal, listExtend, listToTuple, setAddItem, setItem, setSlice, setUpdate, unpackEx, unpackSequence,
} from "./containers.js";
import { PyError, StepBudgetExceeded } from "./errors.js";
import { Frame, type LoadedCode } from "./frame.js";
import { Intrinsic, Op } from "./opcodes.js";
import { binaryOp, floatBinaryInPlace, isTrue, richCompare, fastCompare, unaryOp } from "./ops.js";
import { genFinalize } from "./generators.js";
import { tracebackObject } from "./exceptions.js";
import type { VM } from "./vm.js";

/**
 * The switch in {@link run} labels its cases with opcode numbers as literals, each followed by the
 * opcode's name in a comment:
 * V8 compiles a switch whose labels are all small integer literals to a jump table, but one whose
 * labels read properties (`Op.POP_TOP`) to a chain of comparisons, one per case before the match.
 * eval-opcodes.test.ts checks every label against the OPCODES table.
 */
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

  /** The generator object is deallocated: its released frame can serve the next call of its code. */
  dispose(): void {
    const f = this.frame;
    if (!f.done || f.running) return;
    f.generator = 0;
    f.poolable = true;
    f.recycle();
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
  // Kept here, not read back from the frame: a finished frame may already be recycled.
  const back = vm.frame;
  frame.back = back;
  vm.frame = frame;
  frame.running = true;
  frame.yielded = false;
  try {
    return run(vm, frame, throwIn);
  } finally {
    frame.running = false;
    vm.frame = back;
    frame.back = null;
    vm.depth--;
  }
}

/**
 * The loop for `base` and every Python function it calls directly: a CALL of a plain Python
 * function pushes the callee's frame and carries on in this same loop (as CPython 3.11+ does, no
 * host recursion per call), RETURN pops back to the caller, and an exception not handled in a
 * callee unwinds into its caller here. The frame-dependent locals below are reloaded at each switch.
 */
function run(vm: VM, base: Frame, throwIn: Ref): Ref {
  const rt = vm.rt;
  const heap = vm.heap;
  let f = base;
  // What the loop reads from the running frame, (re)loaded from it at the top of `frames` each time
  // the running frame changes (a CALL entered, a RETURN or an exception back in the caller) or an
  // exception handler is entered: whoever continues `frames` leaves sp and ip in the frame first.
  let lc: LoadedCode;
  let co: CodeObject;
  let code: Int32Array;
  let consts: Int32Array;
  let s: Int32Array;
  const skip = rt.skipImmortalRefs;
  const True = rt.True;
  const False = rt.False;
  const None = rt.None;
  let sp: number;
  let ip: number;
  let pending: unknown = null;
  if (throwIn !== 0) pending = vm.errorFromException(throwIn);
  // The instruction an exception is raised at, for the exception-table lookup. It is f.lasti
  // except after RERAISE, which restores f.lasti to the original raising instruction (for the
  // lasti pushed to the next handler) while the handler is still looked up at the RERAISE itself,
  // as CPython's exception_unwind does with next_instr.
  let at: number;
  frames: for (;;) {
    lc = f.code;
    co = lc.co;
    code = co.code;
    consts = lc.consts;
    s = f.s;
    sp = f.sp;
    ip = f.ip;
    at = f.lasti;
    try {
      if (pending === null && initError !== null) {
        // An __init__ that returned something other than None, raised now that its caller runs.
        pending = initError;
        initError = null;
      }
      if (pending !== null) {
        const e = pending;
        pending = null;
        throw e;
      }
      for (;;) {
        const op = code[ip << 1];
        const oparg = code[(ip << 1) + 1];
        // f.lasti is written only where it is read: the unwinder, CALL, YIELD_VALUE, RETURN_GENERATOR.
        at = ip;
        ip++;
        switch (op) {
          case 0 /* NOP */:
            break;
          case 1 /* RESUME */:
            if (vm.breakerArmed) vm.checkBreaker();
            break;
          case 2 /* POP_TOP */:
            heap.decref(s[--sp]);
            break;
          case 3 /* PUSH_NULL */:
            s[sp++] = 0;
            break;
          case 4 /* END_FOR */:
            heap.decref(s[--sp]);
            heap.decref(s[--sp]);
            break;
          case 5 /* COPY */: {
            const v = s[sp - oparg];
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case 6 /* SWAP */: {
            const t = s[sp - 1];
            s[sp - 1] = s[sp - oparg];
            s[sp - oparg] = t;
            break;
          }
          case 7 /* LOAD_CONST */: {
            const v = consts[oparg];
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case 8 /* RETURN_CONST */: {
            const v = consts[oparg];
            heap.incref(v);
            f.sp = sp;
            if (f === base) return finish(vm, f, v);
            f = returnToCaller(vm, f, v);
            continue frames;
          }
          case 9 /* LOAD_FAST */: {
            const v = s[oparg];
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case 10 /* LOAD_FAST_CHECK */: {
            const v = s[oparg];
            if (v === 0) unboundLocal(vm, co.localsPlusNames[oparg]);
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case 11 /* LOAD_FAST_AND_CLEAR */:
            s[sp++] = s[oparg];
            s[oparg] = 0;
            break;
          case 12 /* STORE_FAST */: {
            const old = s[oparg];
            s[oparg] = s[--sp];
            if (old !== 0) heap.decref(old);
            break;
          }
          case 13 /* DELETE_FAST */: {
            const old = s[oparg];
            if (old === 0) unboundLocal(vm, co.localsPlusNames[oparg]);
            s[oparg] = 0;
            heap.decref(old);
            break;
          }
          case 14 /* LOAD_NAME */: {
            const v = loadName(vm, f, oparg);
            s[sp++] = v;
            break;
          }
          case 15 /* STORE_NAME */: {
            const v = s[--sp];
            if (f.locals === 0) {
              heap.decref(v);
              vm.raise("SystemError", `no locals found when storing '${lc.names[oparg]}'`);
            }
            storeMapping(vm, f.locals, lc.nameRefs[oparg], v);
            heap.decref(v);
            break;
          }
          case 16 /* DELETE_NAME */:
            if (!deleteMapping(vm, f.locals, lc.nameRefs[oparg])) nameError(vm, lc.names[oparg]);
            break;
          case 17 /* LOAD_GLOBAL */: {
            const v = loadGlobal(vm, f, oparg >> 1);
            if ((oparg & 1) !== 0) s[sp++] = 0;
            s[sp++] = v;
            break;
          }
          case 18 /* STORE_GLOBAL */: {
            const v = s[--sp];
            dictSetItem(vm, f.globals, lc.nameRefs[oparg], v);
            heap.decref(v);
            break;
          }
          case 19 /* DELETE_GLOBAL */:
            if (!dictDelItem(vm, f.globals, lc.nameRefs[oparg])) nameError(vm, lc.names[oparg]);
            break;
          case 20 /* LOAD_DEREF */: {
            const v = heap.mem.i32[(s[oparg] + CELL_REF) >> 2];
            if (v === 0) freeVarError(vm, f, oparg);
            heap.incref(v);
            s[sp++] = v;
            break;
          }
          case 21 /* STORE_DEREF */: {
            const cell = s[oparg];
            const old = heap.mem.i32[(cell + CELL_REF) >> 2];
            heap.mem.setI32(cell + CELL_REF, s[--sp]);
            if (old !== 0) heap.decref(old);
            break;
          }
          case 22 /* DELETE_DEREF */: {
            const cell = s[oparg];
            const old = heap.mem.i32[(cell + CELL_REF) >> 2];
            if (old === 0) freeVarError(vm, f, oparg);
            heap.mem.setI32(cell + CELL_REF, 0);
            heap.decref(old);
            break;
          }
          case 23 /* LOAD_CLOSURE */: {
            const cell = s[oparg];
            heap.incref(cell);
            s[sp++] = cell;
            break;
          }
          case 24 /* MAKE_CELL */:
            s[oparg] = newCell(vm, s[oparg]);
            break;
          case 25 /* COPY_FREE_VARS */: {
            const closure = heap.mem.i32[(f.func + FN.closure) >> 2];
            const offset = lc.nlocalsplus - oparg;
            for (let i = 0; i < oparg; i++) {
              const cell = tupleItem(heap, closure, i);
              heap.incref(cell);
              s[offset + i] = cell;
            }
            break;
          }
          case 93 /* LOAD_LOCALS */: {
            if (f.locals === 0) vm.raise("SystemError", "no locals found");
            heap.incref(f.locals);
            s[sp++] = f.locals;
            break;
          }
          case 26 /* LOAD_FROM_DICT_OR_DEREF */: {
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
          case 27 /* LOAD_ATTR */: {
            const owner = s[sp - 1];
            const site = lc.attrSites[at] ?? (lc.attrSites[at] = new AttrSite());
            const name = lc.names[oparg >> 1];
            if ((oparg & 1) !== 0) {
              const meth = loadAttrMethod(vm, owner, name, lc.nameRefs[oparg >> 1], vm.methodOut, site);
              if (vm.methodOut.isMethod) {
                s[sp - 1] = meth;
                s[sp++] = owner; // the owner's reference moves into the self slot
              } else {
                heap.decref(owner);
                s[sp - 1] = 0;
                s[sp++] = meth;
              }
            } else {
              const v = loadAttr(vm, owner, name, lc.nameRefs[oparg >> 1], site);
              heap.decref(owner);
              s[sp - 1] = v;
            }
            break;
          }
          case 28 /* STORE_ATTR */: {
            const owner = s[--sp];
            const v = s[--sp];
            const site = lc.attrSites[at] ?? (lc.attrSites[at] = new AttrSite());
            try {
              storeAttr(vm, owner, lc.names[oparg], lc.nameRefs[oparg], v, site);
            } finally {
              heap.decref(v);
              heap.decref(owner);
            }
            break;
          }
          case 29 /* DELETE_ATTR */: {
            const owner = s[--sp];
            try {
              delAttr(vm, owner, lc.names[oparg]);
            } finally {
              heap.decref(owner);
            }
            break;
          }
          case 30 /* LOAD_SUPER_ATTR */: {
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
          case 31 /* BINARY_OP */: {
            const rhs = s[sp - 1];
            const lhs = s[sp - 2];
            const reused = floatBinaryInPlace(vm, oparg, lhs, rhs);
            if (reused !== 0) {
              // Both operands' references were consumed; the result's takes their place.
              sp--;
              s[sp - 1] = reused;
              break;
            }
            const res = binaryOp(vm, oparg, lhs, rhs);
            heap.decref(lhs);
            heap.decref(rhs);
            sp--;
            s[sp - 1] = res;
            break;
          }
          case 32 /* UNARY_NEGATIVE */:
          case 33 /* UNARY_INVERT */: {
            const v = s[sp - 1];
            const res = unaryOp(vm, op === O.UNARY_NEGATIVE ? "neg" : "invert", v);
            heap.decref(v);
            s[sp - 1] = res;
            break;
          }
          case 34 /* UNARY_NOT */: {
            const v = s[sp - 1];
            const t = isTrue(vm, v);
            heap.decref(v);
            const res = t ? False : True;
            if (!skip) heap.incref(res);
            s[sp - 1] = res;
            break;
          }
          case 35 /* COMPARE_OP */: {
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
          case 36 /* IS_OP */: {
            const rhs = s[--sp];
            const lhs = s[sp - 1];
            const res = (lhs === rhs) !== (oparg === 1) ? True : False;
            heap.decref(lhs);
            heap.decref(rhs);
            if (!skip) heap.incref(res);
            s[sp - 1] = res;
            break;
          }
          case 37 /* CONTAINS_OP */: {
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
          case 38 /* BINARY_SUBSCR */: {
            const sub = s[sp - 1];
            const container = s[sp - 2];
            const res = getItem(vm, container, sub);
            heap.decref(container);
            heap.decref(sub);
            sp--;
            s[sp - 1] = res;
            break;
          }
          case 39 /* STORE_SUBSCR */: {
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
          case 40 /* DELETE_SUBSCR */: {
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
          case 41 /* BINARY_SLICE */: {
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
          case 42 /* STORE_SLICE */: {
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
          case 43 /* BUILD_SLICE */: {
            const res = buildSlice(vm, s, sp - oparg, oparg);
            for (let i = sp - oparg; i < sp; i++) heap.decref(s[i]);
            sp -= oparg;
            s[sp++] = res;
            break;
          }
          case 44 /* BUILD_TUPLE */: {
            const t = rt.newTuple(oparg);
            for (let i = 0; i < oparg; i++) heap.mem.setI32(t + TUPLE_ITEMS + PTR * i, s[sp - oparg + i]);
            sp -= oparg;
            s[sp++] = t;
            break;
          }
          case 45 /* BUILD_LIST */: {
            const l = rt.newList(oparg);
            const items = heap.mem.i32[(l + LIST_ITEMS) >> 2];
            for (let i = 0; i < oparg; i++) heap.mem.setI32(items + PTR * i, s[sp - oparg + i]);
            heap.mem.setI32(l + SEQ_SIZE, oparg);
            sp -= oparg;
            s[sp++] = l;
            break;
          }
          case 46 /* BUILD_SET */: {
            const res = buildSetFromStack(vm, s, sp - oparg, oparg);
            for (let i = sp - oparg; i < sp; i++) heap.decref(s[i]);
            sp -= oparg;
            s[sp++] = res;
            break;
          }
          case 47 /* BUILD_MAP */: {
            const res = buildMapFromStack(vm, s, sp - 2 * oparg, oparg, 0);
            for (let i = sp - 2 * oparg; i < sp; i++) heap.decref(s[i]);
            sp -= 2 * oparg;
            s[sp++] = res;
            break;
          }
          case 48 /* BUILD_CONST_KEY_MAP */: {
            const keys = s[sp - 1];
            const res = buildMapFromStack(vm, s, sp - 1 - oparg, oparg, keys);
            for (let i = sp - 1 - oparg; i < sp; i++) heap.decref(s[i]);
            sp -= oparg + 1;
            s[sp++] = res;
            break;
          }
          case 49 /* BUILD_STRING */: {
            const res = buildString(vm, s, sp - oparg, oparg);
            for (let i = sp - oparg; i < sp; i++) heap.decref(s[i]);
            sp -= oparg;
            s[sp++] = res;
            break;
          }
          case 50 /* LIST_APPEND */: {
            const v = s[--sp];
            listAppendSteal(vm, s[sp - oparg], v);
            break;
          }
          case 51 /* SET_ADD */: {
            const v = s[--sp];
            try {
              setAddItem(vm, s[sp - oparg], v);
            } finally {
              heap.decref(v);
            }
            break;
          }
          case 52 /* MAP_ADD */: {
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
          case 53 /* LIST_EXTEND */:
          case 54 /* SET_UPDATE */:
          case 55 /* DICT_UPDATE */:
          case 56 /* DICT_MERGE */: {
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
          case 57 /* FORMAT_VALUE */: {
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
          case 58 /* JUMP_FORWARD */:
          case 94 /* JUMP_BACKWARD_NO_INTERRUPT */:
            ip = oparg;
            break;
          case 59 /* JUMP_BACKWARD */:
            ip = oparg;
            if (vm.breakerArmed) {
              f.sp = sp;
              vm.checkBreaker();
            }
            break;
          case 60 /* POP_JUMP_IF_FALSE */:
          case 61 /* POP_JUMP_IF_TRUE */: {
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
          case 62 /* POP_JUMP_IF_NONE */:
          case 63 /* POP_JUMP_IF_NOT_NONE */: {
            const v = s[--sp];
            const isNone = v === None;
            if (!isNone || !skip) heap.decref(v);
            if (isNone === (op === O.POP_JUMP_IF_NONE)) ip = oparg;
            break;
          }
          case 64 /* GET_ITER */: {
            const v = s[sp - 1];
            const it = getIter(vm, v);
            heap.decref(v);
            s[sp - 1] = it;
            break;
          }
          case 89 /* GET_YIELD_FROM_ITER */: {
            const v = s[sp - 1];
            if (heap.mem.i32[(v + TYPE_WORD) >> 2] !== rt.L.generator) {
              const it = getIter(vm, v);
              heap.decref(v);
              s[sp - 1] = it;
            }
            break;
          }
          case 65 /* FOR_ITER */: {
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
          case 68 /* KW_NAMES */:
            f.kwnames = consts[oparg];
            break;
          case 66 /* CALL */: {
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
            if (res !== 0) {
              s[sp++] = res;
              break;
            }
            // A plain Python function: doCall built its frame (arguments moved in) and left it in
            // vm.enterFrame. Run it in this loop; its RETURN comes back here with ip past the CALL.
            f.ip = ip;
            f.lasti = at; // where an exception from the callee enters this frame
            f = enterInlineFrame(vm, f);
            continue frames;
          }
          case 67 /* CALL_FUNCTION_EX */: {
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
          case 69 /* MAKE_FUNCTION */: {
            const codeObj = s[--sp];
            const closure = (oparg & 8) !== 0 ? s[--sp] : 0;
            const annotations = (oparg & 4) !== 0 ? s[--sp] : 0;
            const kwdefaults = (oparg & 2) !== 0 ? s[--sp] : 0;
            const defaults = (oparg & 1) !== 0 ? s[--sp] : 0;
            const fn = vm.makeFunction(codeObj, f.globals, f.builtins, defaults, kwdefaults, closure, annotations);
            s[sp++] = fn;
            break;
          }
          case 70 /* RETURN_VALUE */: {
            const v = s[--sp];
            f.sp = sp;
            if (f === base) return finish(vm, f, v);
            f = returnToCaller(vm, f, v);
            continue frames;
          }
          case 71 /* RAISE_VARARGS */: {
            const cause = oparg === 2 ? s[--sp] : 0;
            const exc = oparg >= 1 ? s[--sp] : 0;
            f.sp = sp;
            throw vm.raiseFromOperands(exc, cause);
          }
          case 72 /* RERAISE */: {
            const exc = s[--sp];
            if (oparg !== 0) {
              const lastiObj = s[sp - oparg];
              f.lasti = Number(rt.intValue(lastiObj));
            }
            f.sp = sp;
            throw vm.reraise(exc);
          }
          case 73 /* PUSH_EXC_INFO */: {
            const exc = s[sp - 1];
            const prev = vm.handled === 0 ? rt.none() : vm.handled;
            heap.incref(exc);
            vm.handled = exc;
            s[sp - 1] = prev;
            s[sp++] = exc;
            break;
          }
          case 74 /* POP_EXCEPT */: {
            const prev = s[--sp];
            const old = vm.handled;
            vm.handled = prev === None ? 0 : prev;
            if (prev === None) heap.decref(prev);
            if (old !== 0) heap.decref(old);
            break;
          }
          case 75 /* CHECK_EXC_MATCH */: {
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
          case 76 /* LOAD_ASSERTION_ERROR */: {
            const t = vm.T.exc.AssertionError.ref;
            heap.incref(t);
            s[sp++] = t;
            break;
          }
          case 77 /* BEFORE_WITH */: {
            const mgr = s[sp - 1];
            const [exit, res] = vm.enterContext(mgr);
            heap.decref(mgr);
            s[sp - 1] = exit;
            s[sp++] = res;
            break;
          }
          case 78 /* WITH_EXCEPT_START */: {
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
          case 79 /* UNPACK_SEQUENCE */: {
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
          case 80 /* UNPACK_EX */: {
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
          case 81 /* IMPORT_NAME */: {
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
          case 82 /* IMPORT_FROM */:
            s[sp] = vm.importFrom(s[sp - 1], lc.names[oparg]);
            sp++;
            break;
          case 83 /* LOAD_BUILD_CLASS */: {
            const bc = lookupGlobal(vm, f, vm.name("__build_class__"), "__build_class__");
            s[sp++] = bc;
            break;
          }
          case 84 /* SETUP_ANNOTATIONS */:
            if (f.locals !== 0 && dictGetStr(vm, f.locals, vm.name("__annotations__")) === 0) {
              const d = dictNew(vm);
              dictSetItem(vm, f.locals, vm.name("__annotations__"), d);
              heap.decref(d);
            }
            break;
          case 85 /* RETURN_GENERATOR */:
            // The prologue (MAKE_CELL, COPY_FREE_VARS) has run: suspend; the caller wraps the
            // frame in a generator object, and the first resumption pushes the sent value here.
            f.sp = sp;
            f.ip = ip;
            f.lasti = at; // a throw() into the suspended frame is raised here
            f.yielded = true;
            return 0;
          case 86 /* YIELD_VALUE */: {
            const v = s[--sp];
            f.sp = sp;
            f.ip = ip;
            f.lasti = at; // a throw() into the suspended frame is raised here
            f.yielded = true;
            return v;
          }
          case 87 /* SEND */: {
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
          case 88 /* END_SEND */: {
            const v = s[--sp];
            heap.decref(s[sp - 1]);
            s[sp - 1] = v;
            break;
          }
          case 90 /* CLEANUP_THROW */: {
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
          case 91 /* CALL_INTRINSIC_1 */: {
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
        // Callees this loop entered are released too, innermost first, as their own loops would.
        while (f !== base) {
          const { initSelf, initTop } = f;
          f = leaveInlineFrame(vm, f);
          if (initSelf !== 0) abandonInit(vm, f, initSelf, initTop);
        }
        vm.releaseFrame(f);
        throw err;
      }
      const e = vm.toPyError(err);
      let handler: ReturnType<typeof findHandler>;
      for (;;) {
        const fromReraise = e.reraised;
        e.reraised = false;
        if (!fromReraise) {
          // RERAISE set f.lasti itself (to the instruction first raising): otherwise it is `at`.
          f.lasti = at;
          vm.addTraceback(e.exc, f);
        }
        handler = findHandler(f.code.co.exceptionTable, at);
        if (handler !== null) break;
        f.sp = sp;
        f.done = true;
        vm.releaseFrame(f);
        if (f === base) {
          f.recycle();
          throw e;
        }
        // Unhandled in a callee this loop entered: it propagates into the caller at its CALL.
        const { initSelf, initTop } = f;
        f = leaveInlineFrame(vm, f);
        sp = f.sp;
        at = f.lasti;
        if (initSelf !== 0) abandonInit(vm, f, initSelf, initTop);
      }
      // The handler's frame (the locals are reloaded from it at the top of `frames`).
      const fs = f.s;
      while (sp > f.code.nlocalsplus + handler.depth) {
        const v = fs[--sp];
        if (v !== 0) heap.decref(v);
      }
      if (handler.lasti) fs[sp++] = rt.newInt(f.lasti);
      fs[sp++] = e.exc;
      e.exc = 0;
      f.sp = sp;
      f.ip = handler.target;
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
  f.recycle();
  return v;
}

/**
 * Push the frame doCall left in `vm.enterFrame` on top of `caller`, doing for it what
 * {@link evalFrame} does for a frame it runs (the recursion check included). Returns it.
 */
function enterInlineFrame(vm: VM, caller: Frame): Frame {
  const frame = vm.enterFrame!;
  vm.enterFrame = null;
  if (vm.depth >= vm.config.recursionLimit) {
    const { initSelf, initTop } = frame;
    vm.releaseFrame(frame);
    frame.recycle();
    if (initSelf !== 0) abandonInit(vm, caller, initSelf, initTop);
    vm.raise("RecursionError", "maximum recursion depth exceeded");
  }
  vm.depth++;
  frame.back = caller;
  vm.frame = frame;
  frame.running = true;
  frame.yielded = false;
  return frame;
}

/**
 * Pop a frame entered by {@link enterInlineFrame} after its return or its unhandled exception
 * (its references already released, except on return where `finish`-like release happens here).
 * Returns the caller.
 */
function leaveInlineFrame(vm: VM, f: Frame): Frame {
  const caller = f.back!;
  if (!f.done) {
    f.done = true;
    vm.releaseFrame(f);
  }
  f.running = false;
  f.back = null;
  vm.frame = caller;
  vm.depth--;
  f.recycle();
  return caller;
}

/**
 * CALL: the callable and arguments sit at the top of `f`'s stack in 3.12's layout. Returns the
 * result (a new reference), or 0 for a plain Python function, whose frame — arguments moved in,
 * callable and stack slots released — is left in `vm.enterFrame` for the caller's loop to run.
 */
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
  if (kwnames === 0 && s[methodSlot] === 0 && heap.mem.i32[(callable + TYPE_WORD) >> 2] === rt.L.type) {
    const frame = initFrame(vm, callable, s, argBase, nargs);
    if (frame !== null) {
      vm.enterFrame = frame;
      return 0;
    }
  }
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
    // The calling loop runs the frame itself (see run): no result yet.
    vm.enterFrame = frame;
    return 0;
  }
  try {
    return callVector(vm, callable, s, argBase, npos, kwnames);
  } finally {
    for (let i = argBase; i < argBase + nargs; i++) heap.decref(s[i]);
    heap.decref(callable);
  }
}

/**
 * A class call `C(args…)` the eval loop can run in place (CPython 3.13's CALL_ALLOC_AND_ENTER_INIT):
 * C a class statement's class of plain instances, with object's `__new__` and a Python `__init__`.
 * Does what {@link callType} does up to running `__init__` — allocate the instance, build the
 * frame with the instance and the arguments as new references — and returns the frame, marked
 * with the instance and the extent of the caller's slots ({@link Frame.initSelf}); the loop runs
 * it and {@link returnToCaller} or {@link abandonInit} completes the call. Null for any other class.
 */
function initFrame(vm: VM, cls: Ref, s: Int32Array, argBase: number, nargs: number): Frame | null {
  const heap = vm.heap;
  const rt = vm.rt;
  if (heap.mem.i32[(cls + TYPE_AUX) >> 2] !== 0) return null;
  const t = pyTypeOfTypeObject(rt, cls);
  if (!t.heapType || t.layout !== rt.L.instance) return null;
  const newFn = lookupType(vm, t, "__new__");
  if (newFn !== 0 && newFn !== vm.objectNew) return null;
  const init = lookupType(vm, t, "__init__");
  if (init === 0 || heap.mem.i32[(init + TYPE_WORD) >> 2] !== rt.L.function || heap.mem.i32[(init + TYPE_AUX) >> 2] !== 0) return null;
  if ((functionCode(vm, init).co.flags & CodeFlag.GENERATOR) !== 0) return null;
  const obj = allocInstance(vm, t);
  let args = vm.initArgs;
  if (args.length < nargs + 1) args = vm.initArgs = new Int32Array(2 * (nargs + 1));
  args[0] = obj;
  for (let i = 0; i < nargs; i++) args[i + 1] = s[argBase + i];
  let frame: Frame;
  try {
    // Borrowed arguments (the caller's slots keep theirs until __init__ returns), as callVector passes them.
    frame = makeFrame(vm, init, args, 0, nargs + 1, 0, false);
  } catch (e) {
    heap.decref(obj);
    releaseCallSlots(vm, s, argBase - 2, argBase + nargs);
    throw e;
  }
  frame.initSelf = obj;
  frame.initTop = argBase + nargs;
  return frame;
}

/** Release a class call's stack slots above `base` (NULL, class, arguments), arguments first as doCall does. */
function releaseCallSlots(vm: VM, s: Int32Array, base: number, top: number): void {
  for (let i = base + 2; i < top; i++) vm.heap.decref(s[i]);
  vm.heap.decref(s[base + 1]);
}

/**
 * The TypeError of an `__init__` that returned something other than None, waiting for the loop
 * to raise it once the caller is the running frame (see {@link returnToCaller}).
 */
let initError: unknown = null;

/**
 * RETURN (`result`, a new reference) from a frame the loop entered for a CALL: pop it and push
 * what the CALL produces on the caller's stack, then return the caller. For a class call's
 * `__init__` ({@link initFrame}) that is the instance, after the result and the call's slots are
 * released as callType releases them; a result other than None pushes nothing and leaves the
 * TypeError in {@link initError}.
 */
function returnToCaller(vm: VM, callee: Frame, result: Ref): Frame {
  const { initSelf, initTop } = callee;
  const caller = leaveInlineFrame(vm, callee);
  if (initSelf === 0) {
    caller.s[caller.sp++] = result;
    return caller;
  }
  const rt = vm.rt;
  const rname = result === rt.None ? null : typeOf(rt, result).name;
  vm.heap.decref(result);
  if (rname !== null) {
    abandonInit(vm, caller, initSelf, initTop);
    try {
      vm.raise("TypeError", `__init__() should return None, not '${rname}'`);
    } catch (e) {
      initError = e; // made as raise makes it (the handled exception as its context), thrown later
    }
    return caller;
  }
  releaseCallSlots(vm, caller.s, caller.sp, initTop);
  caller.s[caller.sp++] = initSelf;
  return caller;
}

/** An `__init__` frame entered by {@link initFrame} ended without a result: drop the instance and the call's slots. */
function abandonInit(vm: VM, caller: Frame, self: Ref, top: number): void {
  vm.heap.decref(self);
  releaseCallSlots(vm, caller.s, caller.sp, top);
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
/**
 * LOAD_GLOBAL: globals, then builtins (a new reference). As CPython 3.12's LOAD_GLOBAL_MODULE /
 * LOAD_GLOBAL_BUILTIN, a result is cached per name with both dicts' version tags (unique across
 * dicts, changed by every mutation), so while neither dict changes no lookup is made.
 */
function loadGlobal(vm: VM, f: Frame, i: number): Ref {
  const lc = f.code;
  const g = f.globals;
  const b = f.builtins;
  const f64 = vm.heap.mem.f64;
  const gv = f64[(g + DICT_VERSION_OFFSET) >> 3];
  const bv = f64[(b + DICT_VERSION_OFFSET) >> 3];
  const cache = lc.globalCache;
  const k = i << 2;
  let v: Ref;
  if (cache[k] === g && cache[k + 1] === gv && cache[k + 2] === bv) {
    v = cache[k + 3];
  } else {
    v = findGlobal(vm, f, lc.nameRefs[i], lc.names[i]);
    // Keyed by the versions read before the lookup: had the lookup run code that changed either
    // dict (a key's __eq__), their versions moved on and this entry never matches.
    cache[k] = g;
    cache[k + 1] = gv;
    cache[k + 2] = bv;
    cache[k + 3] = v;
  }
  vm.heap.incref(v);
  return v;
}

/** Globals, then builtins, by name, uncached: a borrowed reference; NameError when absent. */
function findGlobal(vm: VM, f: Frame, nameRef: Ref, name: string): Ref {
  let v = dictGetStr(vm, f.globals, nameRef);
  if (v === 0) v = dictGetStr(vm, f.builtins, nameRef);
  if (v === 0) nameError(vm, name);
  return v;
}

/** {@link findGlobal} as a new reference. */
function lookupGlobal(vm: VM, f: Frame, nameRef: Ref, name: string): Ref {
  const v = findGlobal(vm, f, nameRef, name);
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
  return lookupGlobal(vm, f, nameRef, lc.names[i]);
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
