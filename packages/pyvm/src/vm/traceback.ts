/**
 * The text CPython 3.11 prints for an uncaught exception (Python/pythonrun.c print_exception and
 * Python/traceback.c), byte for byte: the chain of causes and contexts, each traceback entry's
 * `File "…", line N, in name` line and source line, the caret line under the failing
 * expression with 3.11's anchors (`~~^~~` under a binary operator, `~^^^` under a subscript,
 * none when the expression covers the whole line), and the collapsing of a recursion's
 * repeated entries into "[Previous line repeated N more times]".
 */
import { TYPE_AUX, type Ref } from "@immortal/heap";
import { EXC } from "../objects/object-layouts.js";
import { typeOf } from "../objects/typeobj.js";
import { parse } from "../syntax/index.js";
import type * as ast from "../syntax/ast.js";
import { listItem, seqSize, tupleItem } from "../objects/seq-layout.js";
import { getAttrOrZero } from "./attr.js";
import { PyError } from "./errors.js";
import { str } from "./ops.js";
import type { VM } from "./vm.js";

/** One traceback entry: where an exception passed through a frame. */
export interface TracebackEntry {
  filename: string;
  name: string;
  lineno: number;
  /** Last line of the failing expression (−1 when unknown). */
  endLineno: number;
  /** UTF-8 byte columns of the failing expression (−1 when unknown), for the caret line. */
  col: number;
  endCol: number;
  source: string;
}

/** sys.tracebacklimit's default (PyTraceBack_LIMIT): only the innermost entries are printed. */
const TRACEBACK_LIMIT = 1000;
/** Identical consecutive entries printed before they are summarized (TB_RECURSIVE_CUTOFF). */
const RECURSIVE_CUTOFF = 3;

const CAUSE_MESSAGE = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE = "\nDuring handling of the above exception, another exception occurred:\n\n";

/** The report of an uncaught exception `exc` (with its causes and contexts, each printed once). */
export function formatExceptionChain(vm: VM, exc: Ref, entriesOf: (exc: Ref) => TracebackEntry[], message: (exc: Ref) => string): string {
  const seen = new Set<Ref>();
  const one = (e: Ref): string => {
    seen.add(e);
    let out = "";
    const mem = vm.heap.mem;
    const cause = mem.i32[(e + EXC.cause) >> 2];
    const context = mem.i32[(e + EXC.context) >> 2];
    if (cause !== 0) {
      if (!seen.has(cause)) out += one(cause) + CAUSE_MESSAGE;
    } else if (context !== 0 && mem.i32[(e + EXC.suppressContext) >> 2] === 0 && !seen.has(context)) {
      out += one(context) + CONTEXT_MESSAGE;
    }
    out += formatTraceback(entriesOf(e));
    out += exceptionLine(vm, e, message);
    out += exceptionNotes(vm, e);
    return out;
  };
  return one(exc);
}

/** The exception's `__notes__` (add_note), one per line after the exception line. */
function exceptionNotes(vm: VM, exc: Ref): string {
  const rt = vm.rt;
  let notes: Ref;
  try {
    notes = getAttrOrZero(vm, exc, "__notes__");
  } catch (e) {
    if (e instanceof PyError) vm.discardError(e);
    return "";
  }
  if (notes === 0) return "";
  let out = "";
  try {
    const lay = vm.heap.mem.i32[(notes + 8) >> 2];
    if (lay !== rt.L.list && lay !== rt.L.tuple) return `${safeText(vm, () => vm.reprOf(notes), "<__notes__ repr() failed>")}\n`;
    const n = seqSize(vm.heap, notes);
    for (let i = 0; i < n; i++) {
      const note = lay === rt.L.list ? listItem(vm.heap, notes, i) : tupleItem(vm.heap, notes, i);
      out += `${safeText(vm, () => str(vm, note), "<note str() failed>")}\n`;
    }
  } finally {
    vm.heap.decref(notes);
  }
  return out;
}

function safeText(vm: VM, f: () => string, fallback: string): string {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyError) {
      vm.discardError(e);
      return fallback;
    }
    throw e;
  }
}

/** "Type: message" as print_exception writes it (module-qualified outside builtins and __main__). */
function exceptionLine(vm: VM, exc: Ref, message: (exc: Ref) => string): string {
  const t = typeOf(vm.rt, exc);
  const name = t.module === "builtins" || t.module === "__main__" ? t.qualname : `${t.module}.${t.qualname}`;
  let msg: string;
  try {
    msg = vm.heap.mem.i32[(exc + TYPE_AUX) >> 2] !== 0 && t.heapType ? str(vm, exc) : message(exc);
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    vm.discardError(e);
    return `${name}: <exception str() failed>\n`;
  }
  return msg === "" ? `${name}\n` : `${name}: ${msg}\n`;
}

/** The "Traceback (most recent call last):" block for entries listed outermost first ("" if none). */
export function formatTraceback(entries: readonly TracebackEntry[]): string {
  if (entries.length === 0) return "";
  let out = "Traceback (most recent call last):\n";
  const shown = entries.length > TRACEBACK_LIMIT ? entries.slice(entries.length - TRACEBACK_LIMIT) : entries;
  let last: TracebackEntry | null = null;
  let count = 0;
  const repeated = (n: number): string => {
    const more = n - RECURSIVE_CUTOFF;
    return `  [Previous line repeated ${more} more time${more > 1 ? "s" : ""}]\n`;
  };
  for (const e of shown) {
    if (last === null || e.filename !== last.filename || e.lineno !== last.lineno || e.name !== last.name) {
      if (count > RECURSIVE_CUTOFF) out += repeated(count);
      last = e;
      count = 0;
    }
    count++;
    if (count <= RECURSIVE_CUTOFF) out += formatEntry(e);
  }
  if (count > RECURSIVE_CUTOFF) out += repeated(count);
  return out;
}

/** One entry: its location line, then its source line and caret line when the source is known. */
function formatEntry(e: TracebackEntry): string {
  let out = `  File "${e.filename}", line ${e.lineno}, in ${e.name}\n`;
  // CPython reads the line from the file; names like <string> or <stdin> are not files.
  if (e.filename.startsWith("<") && e.filename.endsWith(">")) return out;
  const line = sourceLine(e.source, e.lineno);
  if (line === null) return out;
  const chars = Array.from(line);
  let leading = 0;
  while (leading < chars.length && (chars[leading] === " " || chars[leading] === "\t" || chars[leading] === "\f")) leading++;
  out += `    ${chars.slice(leading).join("")}\n`;
  const carets = caretLine(e, line, chars, leading);
  if (carets !== null) out += carets;
  return out;
}

/** Line `lineno` (1-based) of `source` without its line ending, or null. */
function sourceLine(source: string, lineno: number): string | null {
  if (lineno < 1) return null;
  const lines = source.split(/\r\n|\r|\n/);
  return lineno <= lines.length ? lines[lineno - 1] : null;
}

/** Character offset of UTF-8 byte offset `byteOffset` in `line` (_PyPegen_byte_offset_to_character_offset). */
function charOffset(line: string, byteOffset: number): number {
  let bytes = 0;
  let chars = 0;
  for (const ch of line) {
    if (bytes >= byteOffset) break;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    chars++;
  }
  return chars;
}

const isWhitespace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\f";

/**
 * The caret line under an entry's failing expression (tb_displayline), or null when CPython
 * prints none: no column information, or a primary range that spans the whole stripped line
 * and has no anchors.
 */
function caretLine(e: TracebackEntry, line: string, chars: string[], leading: number): string | null {
  if (e.col < 0 || e.endCol < 0 || e.endLineno < 0) return null;
  const start = charOffset(line, e.col);
  let end = charOffset(line, e.endCol);
  let anchors: Anchors | null = null;
  if (e.endLineno === e.lineno) {
    anchors = extractAnchors(chars.slice(start, end).join(""));
  } else {
    // A multi-line expression is highlighted up to the last non-whitespace character.
    end = chars.length;
    while (end > 0 && /\s/.test(chars[end - 1])) end--;
  }
  if (end - start === chars.length - leading && anchors === null) return null;
  let out = "";
  for (let c = leading - 4; c < end; c++) {
    if (c < start) out += " ";
    else if (anchors !== null && anchors.left + start <= c && c < anchors.right + start) out += anchors.secondary;
    else out += anchors !== null ? anchors.primary : "^";
  }
  return out + "\n";
}

interface Anchors {
  /** Character offsets within the segment of the secondary (operator) range. */
  left: number;
  right: number;
  primary: string;
  secondary: string;
}

/** 3.11's anchors for a segment that parses as a binary operation or a subscript (extract_anchors_from_line). */
function extractAnchors(segment: string): Anchors | null {
  let mod: ast.Module;
  try {
    mod = parse(segment, "<traceback>");
  } catch {
    return null;
  }
  if (mod.body.length !== 1 || mod.body[0]._type !== "Expr") return null;
  const expr = mod.body[0].value;
  // AST columns are UTF-8 bytes; work on the segment's bytes as the C code does.
  const bytes = Array.from(new TextEncoder().encode(segment), (b) => String.fromCharCode(b));
  const toChars = (byteOffset: number) => charOffset(segment, byteOffset);
  if (expr._type === "BinOp") {
    const rightStart = expr.right.col_offset;
    let left = -1;
    let right = -1;
    let primary = "^";
    let secondary = "^";
    for (let i = expr.left.end_col_offset; i < rightStart; i++) {
      if (isWhitespace(bytes[i])) continue;
      left = i;
      right = i + 1;
      // A two-character operator (//, **, <<…).
      if (i + 1 < rightStart && !isWhitespace(bytes[i + 1])) right++;
      // A closing parenthesis of the left operand is not the operator.
      if (i + 1 < rightStart && bytes[i] === ")") continue;
      primary = "~";
      secondary = "^";
      break;
    }
    if (left < 0) return null;
    return { left: toChars(left), right: toChars(right), primary, secondary };
  }
  if (expr._type === "Subscript") {
    let left = expr.value.end_col_offset;
    let right = expr.slice.end_col_offset + 1;
    const n = bytes.length;
    while (left < n && bytes[left] !== "[") left++;
    while (right < n && bytes[right] !== "]") right++;
    if (right < n) right++;
    return { left: toChars(left), right: toChars(right), primary: "~", secondary: "^" };
  }
  return null;
}
