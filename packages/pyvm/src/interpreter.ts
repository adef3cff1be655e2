/**
 * The public entry point: an interpreter bound to one heap and one refcount strategy, running
 * Python source as `__main__` and reporting uncaught exceptions as CPython does. For benchmarks it
 * also loads a program once and calls its functions many times, immortalizes what start-up built,
 * simulates a `fork()` and reads the heap's counters between calls.
 */
import type { LeakReport, Ref } from "@immortal/heap";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { installBuiltins } from "./builtins/modules.js";
import "./builtins/install-all.js";
import { compileModule } from "./compiler/index.js";
import { dictGetItem, dictSetItem } from "./objects/dict.js";
import { countersDelta, readCounters, type HeapCounters } from "./heap-counters.js";
import { fromPython, toPython, type PyArg, type PyValue } from "./host-values.js";
import type { RuntimeOptions } from "./objects/runtime-options.js";
import { Runtime } from "./objects/runtime.js";
import { PySyntaxError } from "./syntax/errors.js";
import { createBuiltinTypes } from "./vm/builtin-types.js";
import { callFunction } from "./vm/call.js";
import { PyError, StepBudgetExceeded } from "./vm/errors.js";
import { evalFrame } from "./vm/eval.js";
import { formatException } from "./vm/exceptions.js";
import { Frame } from "./vm/frame.js";
import { loadCode, loadedCode } from "./vm/functions.js";
import { setModuleExecutor } from "./vm/imports.js";
import { clearModulesAtExit } from "./vm/shutdown.js";
import { typeOf } from "./objects/typeobj.js";
import { VM } from "./vm/vm.js";

/** How a run ended. */
export type RunResult =
  | { status: "ok" }
  | { status: "exception"; type: string; message: string; traceback: string }
  | { status: "exit"; code: number }
  | { status: "syntax-error"; error: PySyntaxError }
  | { status: "step-budget"; steps: number };

/** How a call made with {@link Interpreter.call} ended: as a run, with the function's result on success. */
export type CallResult = { status: "ok"; value: PyValue } | Exclude<RunResult, { status: "ok" }>;

/** Options of {@link Interpreter.load}. */
export interface LoadOptions {
  /**
   * The module's name (`__name__`, its key in `sys.modules`). Default `"__main__"`; any other name
   * skips an `if __name__ == "__main__":` block, so a benchmark program's own driver does not run.
   */
  moduleName?: string;
}

/** What {@link Interpreter.immortalizeStartup} did. */
export interface StartupImmortalization {
  /** GC-tracked objects `gc.freeze()` moved into the permanent generation. */
  frozen: number;
  /** Objects the strategy made immortal (0 under the baseline, which has no immortality). */
  immortalized: number;
}

export { countersDelta, type HeapCounters, type PyArg, type PyValue };

/** Options for an interpreter. */
export interface InterpreterOptions extends RuntimeOptions {
  /** Folder searched for `import name` (name.py); default: none (imports of files fail). */
  importRoot?: string;
}

/** A Python interpreter on an @immortal/heap. */
export class Interpreter {
  readonly rt: Runtime;
  readonly vm: VM;
  /** The module {@link load} loaded (owned), or 0. */
  private loaded: Ref = 0;

  constructor(options: InterpreterOptions) {
    this.rt = new Runtime(options);
    const root = options.importRoot ?? null;
    this.vm = new VM(this.rt, {
      stdout: options.stdout ?? ((s) => process.stdout.write(s)),
      stderr: options.stderr ?? ((s) => process.stderr.write(s)),
      recursionLimit: options.recursionLimit ?? 1000,
      stepBudget: options.stepBudget ?? 0,
      argv: options.argv ?? [""],
      readModule: (name) => {
        if (root === null) return null;
        const path = join(root, `${name}.py`);
        return existsSync(path) ? { source: readFileSync(path, "utf8"), path } : null;
      },
    });
    this.rt.host = this.vm;
    this.vm.T = createBuiltinTypes(this.rt);
    installBuiltins(this.vm);
    setModuleExecutor((vm, name, source, path) => runModule(vm, name, source, path));
  }

  /** The heap (for stats, snapshots and finalization). */
  get heap() {
    return this.rt.heap;
  }

  /**
   * Run `source` as the `__main__` module. Uncaught exceptions are reported on stderr and returned.
   * The step budget (if any) starts afresh for each run, load and call.
   */
  run(source: string, filename = "<string>"): RunResult {
    const vm = this.vm;
    vm.steps = 0;
    try {
      const m = runModule(vm, "__main__", source, filename);
      vm.heap.decref(m);
      return { status: "ok" };
    } catch (e) {
      return this.report(e);
    }
  }

  /**
   * Load a program for {@link call}: run `source` as a module (default `__main__`; see
   * {@link LoadOptions}) and keep it. Its functions can then be called any number of times. The
   * result is {@link run}'s; a module that raised is not kept. Loading again replaces the module.
   */
  load(source: string, filename = "<string>", options: LoadOptions = {}): RunResult {
    const vm = this.vm;
    this.dropLoaded();
    vm.steps = 0;
    try {
      this.loaded = runModule(vm, options.moduleName ?? "__main__", source, filename);
      return { status: "ok" };
    } catch (e) {
      return this.report(e);
    }
  }

  /**
   * Call the loaded module's global `name` with `args` (converted as {@link PyArg} says) and return
   * its result as a {@link PyValue}. An uncaught exception is reported on `stderr` and returned,
   * as {@link run} does; so are SystemExit and an exhausted step budget (which each call has in
   * full). Throws a JS Error when no module is loaded or it has no global `name`.
   */
  call(name: string, ...args: PyArg[]): CallResult {
    const vm = this.vm;
    const heap = this.heap;
    vm.steps = 0;
    if (this.loaded === 0) throw new Error("Interpreter.call: no module is loaded (call load() first)");
    const f = dictGetItem(vm, vm.moduleDict(this.loaded), vm.name(name));
    if (f === 0) throw new Error(`Interpreter.call: the loaded module has no global named ${JSON.stringify(name)}`);
    const argRefs: Ref[] = [];
    try {
      heap.incref(f);
      for (const a of args) argRefs.push(toPython(vm, a));
      const r = callFunction(vm, f, argRefs);
      try {
        return { status: "ok", value: fromPython(vm, r) };
      } finally {
        heap.decref(r);
      }
    } catch (e) {
      return this.report(e);
    } finally {
      for (const a of argRefs) heap.decref(a);
      heap.decref(f);
    }
  }

  /**
   * End of start-up, as a pre-forking server would do it: `gc.freeze()` (every tracked object into
   * the permanent generation, so later collections never write their GC heads), then make every
   * live object immortal where the strategy can (`heap.immortalizeLiveObjects()`, CPython PR
   * 31489's "Optimization 2"), so refcounting of start-up objects stops writing them under
   * strategies that never write immortals. Objects stay alive until {@link finalize}.
   */
  immortalizeStartup(): StartupImmortalization {
    const gc = this.heap.gc;
    gc.freeze();
    const frozen = gc.freezeCount();
    const immortalized = this.heap.immortalizeLiveObjects();
    return { frozen, immortalized };
  }

  /**
   * Simulate a `fork()`: forget which pages and cache lines were written, so that
   * {@link HeapCounters.pagesWritten} counts what a child would copy from now on. Needs a heap
   * created with `instrument: true`.
   */
  snapshotWrites(): void {
    this.heap.snapshotWrites();
  }

  /**
   * The heap's counters now (a cheap reading that scans no objects); subtract two readings with
   * {@link countersDelta} to measure a call.
   */
  counters(): HeapCounters {
    return readCounters(this.heap);
  }

  private dropLoaded(): void {
    if (this.loaded !== 0) this.heap.decref(this.loaded);
    this.loaded = 0;
  }

  /** Run a file, with its folder as the import root. */
  runFile(path: string): RunResult {
    return this.run(readFileSync(path, "utf8"), path);
  }

  private report(e: unknown): Exclude<RunResult, { status: "ok" }> {
    const vm = this.vm;
    if (e instanceof PySyntaxError) {
      vm.config.stderr(e.format());
      return { status: "syntax-error", error: e };
    }
    if (e instanceof StepBudgetExceeded) {
      vm.config.stderr(`pyvm: ${e.message}\n`);
      return { status: "step-budget", steps: e.steps };
    }
    const err = e instanceof PyError ? e : vm.toPyError(e);
    const exc = err.exc;
    const type = typeOf(this.rt, exc);
    if (type.isSubtypeOf(vm.T.exc.SystemExit)) {
      const code = vm.getAttr(exc, "code");
      let status = 0;
      if (code === this.rt.None) status = 0;
      else if (this.rt.L.int === this.heap.mem.i32[(code + 8) >> 2]) status = Number(this.rt.intValue(code));
      else {
        vm.config.stderr(vm.str(code) + "\n");
        status = 1;
      }
      this.heap.decref(code);
      vm.discardError(err);
      return { status: "exit", code: status };
    }
    const traceback = formatException(vm, exc);
    vm.config.stderr(traceback);
    const message = vm.str(exc);
    vm.discardError(err);
    return { status: "exception", type: type.name, message, traceback };
  }

  /**
   * Shut down: drop the runtime's references (modules, interned strings, builtins) and finalize
   * the heap, returning its leak report.
   */
  finalize(): LeakReport {
    const vm = this.vm;
    const heap = this.heap;
    if (vm.handled !== 0) heap.decref(vm.handled);
    vm.handled = 0;
    this.dropLoaded();
    clearModulesAtExit(vm);
    for (const r of [vm.modules, vm.builtins, vm.sysStdout, vm.sysStderr]) if (r !== 0) heap.decref(r);
    vm.modules = vm.builtins = vm.sysStdout = vm.sysStderr = 0;
    this.rt.releaseOwnedReferences();
    return heap.finalize();
  }
}

/** Compile and execute a module's source; returns the module (new reference). */
function runModule(vm: VM, name: string, source: string, path: string): Ref {
  const co = compileModule(source, path);
  const rt = vm.rt;
  const heap = vm.heap;
  const m = vm.newModule(name);
  const d = vm.moduleDict(m);
  dictSetItem(vm, vm.modules, vm.name(name), m);
  const b = rt.newStr("__builtins__");
  dictSetItem(vm, d, b, vm.builtins);
  heap.decref(b);
  const file = rt.newStr(path);
  dictSetItem(vm, d, vm.name("__file__"), file);
  heap.decref(file);
  const code = loadCode(vm, co);
  try {
    heap.incref(d);
    const frame = new Frame(loadedCode(vm, code), 0, d, vm.builtins, d);
    const r = evalFrame(vm, frame, 0);
    heap.decref(r);
  } catch (e) {
    // sys.modules keeps __main__ (as CPython's does); a module that failed to import is dropped
    // by the importer. Either way this function's own reference goes.
    vm.heap.decref(m);
    throw e;
  } finally {
    heap.decref(code);
  }
  return m;
}

export { dirname };
