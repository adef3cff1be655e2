// Runs the CPython oracle (oracle.py) once for a batch of sources and returns its JSON answer.

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { python } from "../../testing/python.js";

/** Asks python3 about many sources in one process (one call per test file). */
export function askPython<T>(mode: "symtable" | "error" | "annotation" | "fold", sources: readonly string[]): T[] {
  const out = execFileSync(python(), [join(import.meta.dirname, "oracle.py")], {
    input: JSON.stringify({ mode, sources }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as T[];
}
