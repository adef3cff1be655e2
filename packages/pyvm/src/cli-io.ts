/**
 * The `pyvm` command's process output: program output is buffered in blocks (as CPython buffers
 * stdout to a pipe or a file) and flushed before anything goes to stderr and at the end; both go
 * out with synchronous writes to the file descriptors. Synchronous writes keep stdout and stderr in
 * order and need no event-loop turn, so the interpreter thread (a worker, see cli-thread.ts) writes
 * exactly as the main thread would.
 */
import { writeSync } from "node:fs";

/** Where the CLI writes. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A {@link CliIO} on file descriptors, with the pending stdout block flushed on demand. */
export interface ProcessOutput extends CliIO {
  /** Write out the buffered stdout block. */
  flush(): void;
}

/** Bytes (UTF-16 units) of stdout buffered before a block is written. */
export const STDOUT_BLOCK = 1 << 16;

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `text` to `fd`. A descriptor left non-blocking by another user (EAGAIN) is retried
 * after a millisecond; a closed pipe (EPIPE) returns false and the caller stops writing to it.
 */
function writeAll(fd: number, text: string): boolean {
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(sleepCell, 0, 0, 1);
        continue;
      }
      if (code === "EPIPE") return false;
      throw e;
    }
  }
  return true;
}

/** Buffered stdout and unbuffered stderr on the given descriptors (default: the process's 1 and 2). */
export function fdOutput(stdoutFd = 1, stderrFd = 2): ProcessOutput {
  let pending: string[] = [];
  let pendingLength = 0;
  let stdoutOpen = true;
  let stderrOpen = true;
  const flush = (): void => {
    if (pendingLength === 0) return;
    const text = pending.join("");
    pending = [];
    pendingLength = 0;
    // A reader that went away (`pyvm run x.py | head -1`) gets nothing more; the program goes on.
    if (stdoutOpen) stdoutOpen = writeAll(stdoutFd, text);
  };
  return {
    stdout: (text) => {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= STDOUT_BLOCK) flush();
    },
    stderr: (text) => {
      flush();
      if (stderrOpen) stderrOpen = writeAll(stderrFd, text);
    },
    flush,
  };
}
