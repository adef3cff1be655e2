/**
 * Running `pyvm run` on a thread with a deep enough JS stack. A Python call that passes through
 * native code (a class's `__init__`, a property, a sort key, `map()`, `yield from`, a dunder
 * method) recurses in JS, 1–5 KB of V8 stack per frame (measured), so Node's default ~1 MB main
 * stack ends such recursion near 450 frames, well short of CPython's default limit of 1000 and of
 * limits programs raise with `sys.setrecursionlimit`. The CLI therefore runs the interpreter in a
 * worker thread whose stack (`resourceLimits.stackSizeMb`, reserved address space that is only
 * touched as deep as the program recurses) is sized from the recursion limit: generously per frame,
 * never below a floor that leaves room for limits raised at run time, and capped by the machine's
 * memory. Output goes straight to the file descriptors from the worker (see cli-io.ts), so ordering
 * and buffering are those of a single-threaded run, and the worker reports the exit status back.
 */
import { totalmem } from "node:os";
import { Worker } from "node:worker_threads";

const MiB = 1024 * 1024;

/** Bytes of thread stack reserved per Python frame: well above the heaviest call path measured (map() calling back into Python, 3–5 KB). */
export const STACK_BYTES_PER_FRAME = 8 * 1024;
/** Never less stack than this (MiB): a program may raise its limit with sys.setrecursionlimit after start. About 120,000 plain Python frames. */
export const STACK_FLOOR_MB = 256;
/** Never more stack than this (MiB), nor more than a quarter of the machine's memory. */
export const STACK_CAP_MB = 1024;
/** Environment variable that overrides the computed stack size (MiB). */
export const STACK_ENV = "PYVM_STACK_MB";

/**
 * The stack (MiB) for an interpreter thread whose recursion limit is `recursionLimit`: room for
 * `recursionLimit` frames at {@link STACK_BYTES_PER_FRAME} plus 16 MiB for native work at the
 * deepest frame, at least {@link STACK_FLOOR_MB}, at most {@link STACK_CAP_MB} and a quarter of
 * `memoryBytes`. Past the cap, deep recursion ends in a RecursionError from the JS stack itself,
 * before the configured limit.
 */
export function stackSizeMbFor(recursionLimit: number, memoryBytes = totalmem()): number {
  const cap = Math.max(16, Math.min(STACK_CAP_MB, Math.floor(memoryBytes / 4 / MiB)));
  const wanted = Math.ceil((recursionLimit * STACK_BYTES_PER_FRAME) / MiB) + 16;
  return Math.min(cap, Math.max(STACK_FLOOR_MB, wanted));
}

/** What the interpreter thread reports back. */
export interface ThreadOutcome {
  /** The exit status the thread posted, or null if it ended without posting one. */
  status: number | null;
  /** An exception that escaped the thread (an internal error), if any. */
  error: unknown;
}

/** Thrown when the thread could not be started with this stack (the caller may retry with less). */
export class ThreadStartError extends Error {
  override readonly name = "ThreadStartError";
  constructor(
    readonly stackSizeMb: number,
    cause: unknown,
  ) {
    super(`could not start the interpreter thread with a ${stackSizeMb} MiB stack: ${String(cause)}`, { cause });
  }
}

/**
 * Start `script` as a worker with `workerData` and a `stackSizeMb` stack; resolves when the thread
 * has ended, with the `{ status }` it posted. Rejects with {@link ThreadStartError} when the thread
 * cannot be created (address space refused for the stack, a script that does not load).
 */
export function runThread(script: URL, workerData: unknown, stackSizeMb: number): Promise<ThreadOutcome> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData, resourceLimits: { stackSizeMb } });
    } catch (e) {
      reject(new ThreadStartError(stackSizeMb, e));
      return;
    }
    let online = false;
    let status: number | null = null;
    let error: unknown = undefined;
    worker.on("online", () => (online = true));
    worker.on("message", (m: { status?: unknown }) => {
      if (typeof m?.status === "number") status = m.status;
    });
    worker.on("error", (e) => {
      if (!online) {
        reject(new ThreadStartError(stackSizeMb, e));
        return;
      }
      error = e;
    });
    worker.on("exit", () => resolve({ status, error }));
  });
}
