/**
 * The `io` module's in-memory text file, StringIO (CPython's _io.StringIO): write, getvalue,
 * read, readline, readlines, iteration, seek, tell, truncate, writelines, close, the context
 * manager protocol, and newline translation. Positions count code points, as CPython's do.
 * print(..., file=buf) reaches write() through vm.writeTo.
 */
import { TYPE_WORD, type Ref } from "@immortal/heap";
import type { PyType } from "../objects/pytype.js";
import { typeOf } from "../objects/typeobj.js";
import { nativeModules } from "../vm/imports.js";
import { repr } from "../vm/ops.js";
import type { IteratorState } from "../vm/containers.js";
import type { VM } from "../vm/vm.js";
import { checkMethodArgs } from "../builtins/define.js";
import { clinicArgs, forEachItem, getter, method, nativeType, newObject, put, stateOf, stopIteration, toSsize } from "./support.js";

const ASTRAL = /[\uD800-\uDFFF]/;

/** The text, position and mode of a StringIO. */
class StringIOState implements IteratorState {
  private text = "";
  /** The text has surrogate pairs, so code-point positions differ from string indices. */
  private astral = false;
  pos = 0;
  closed = false;
  constructor(
    private readonly vm: VM,
    /** null: universal newlines; "": no translation, any line ending; else the line ending written. */
    readonly newline: string | null,
  ) {}
  get length(): number {
    return this.astral ? Array.from(this.text).length : this.text.length;
  }
  /** Code points [a, b) of the text. */
  slice(a: number, b?: number): string {
    if (!this.astral) return this.text.slice(a, b);
    return Array.from(this.text).slice(a, b).join("");
  }
  value(): string {
    return this.text;
  }
  check(vm: VM): void {
    if (this.closed) vm.raise("ValueError", "I/O operation on closed file");
  }
  /** Write at the position (padding with NULs past the end); returns code points written. */
  write(s: string): number {
    if (this.newline === null) s = s.replace(/\r\n?/g, "\n");
    else if (this.newline === "\r" || this.newline === "\r\n") s = s.replace(/\n/g, this.newline);
    const sAstral = ASTRAL.test(s);
    const n = sAstral ? Array.from(s).length : s.length;
    if (n === 0) return 0;
    const len = this.length;
    if (this.pos === len) this.text += s;
    else if (this.pos > len) this.text += "\0".repeat(this.pos - len) + s;
    else this.text = this.slice(0, this.pos) + s + this.slice(this.pos + n);
    this.astral ||= sAstral;
    this.pos += n;
    return n;
  }
  /** Read up to n code points (−1: to the end). */
  read(n: number): string {
    const len = this.length;
    if (this.pos >= len) return "";
    const end = n < 0 ? len : Math.min(len, this.pos + n);
    const s = this.slice(this.pos, end);
    this.pos = end;
    return s;
  }
  /** Read one line (at most `limit` code points when limit ≥ 0). */
  readline(limit: number): string {
    const len = this.length;
    if (this.pos >= len) return "";
    const rest = this.slice(this.pos);
    let end = rest.length;
    if (this.newline === "") {
      const m = /\r\n|\r|\n/.exec(rest);
      if (m !== null) end = m.index + m[0].length;
    } else {
      const nl = this.newline === null ? "\n" : this.newline;
      const i = rest.indexOf(nl);
      if (i >= 0) end = i + nl.length;
    }
    let line = rest.slice(0, end);
    if (limit >= 0) line = Array.from(line).slice(0, limit).join("");
    this.pos += this.astral ? Array.from(line).length : line.length;
    return line;
  }
  truncate(size: number): void {
    if (size < this.length) this.text = this.slice(0, size);
    this.astral = ASTRAL.test(this.text);
  }
  next(vm: VM): Ref {
    this.check(vm);
    const line = this.readline(-1);
    return line === "" ? 0 : vm.rt.newStr(line);
  }
  traverse(): void {}
  clear(): void {}
}

function stringIOType(vm: VM): PyType {
  const rt = vm.rt;
  return nativeType(vm, "_io", "StringIO", (t) => {
    const io = (o: Ref, name: string): StringIOState => {
      const s = stateOf(vm, o, t, StringIOState, name);
      s.check(vm);
      return s;
    };
    const strArg = (o: Ref, what: string): string => {
      if (vm.heap.mem.i32[(o + TYPE_WORD) >> 2] !== rt.L.str) vm.raise("TypeError", `${what}, got '${typeOf(rt, o).name}'`);
      return rt.strValue(o);
    };
    const sizeArg = (o: Ref): number => (o === 0 || o === rt.None ? -1 : toSsize(vm, o));
    vm.constructors.set(t, (_vm, tt, args, base, nargs, kw) => {
      const [init, nl] = clinicArgs(vm, "StringIO", args, base, nargs, kw, ["initial_value", "newline"], { required: 0 });
      let newline: string | null = "\n";
      if (nl !== 0) {
        if (nl === rt.None) newline = null;
        else {
          if (vm.heap.mem.i32[(nl + TYPE_WORD) >> 2] !== rt.L.str) vm.raise("TypeError", `newline must be str or None, not ${typeOf(rt, nl).name}`);
          newline = rt.strValue(nl);
          if (!["", "\n", "\r", "\r\n"].includes(newline)) vm.raise("ValueError", `illegal newline value: ${repr(vm, nl)}`);
        }
      }
      const st = new StringIOState(vm, newline);
      if (init !== 0 && init !== rt.None) {
        if (vm.heap.mem.i32[(init + TYPE_WORD) >> 2] !== rt.L.str) {
          vm.raise("TypeError", `initial_value must be str or None, not ${typeOf(rt, init).name}`);
        }
        st.write(rt.strValue(init));
        st.pos = 0;
      }
      return newObject(vm, st, tt);
    });
    method(vm, t, "write", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "write", nargs, 1, 1, kw);
      const st = io(args[base], "write");
      return rt.newInt(st.write(strArg(args[base + 1], "string argument expected")));
    }, true);
    method(vm, t, "writelines", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "writelines", nargs, 1, 1, kw);
      const st = io(args[base], "writelines");
      forEachItem(vm, args[base + 1], (line) => {
        st.write(strArg(line, "string argument expected"));
      });
      return rt.none();
    }, true);
    method(vm, t, "getvalue", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "getvalue", nargs, 0, 0, kw);
      return rt.newStr(io(args[base], "getvalue").value());
    }, true);
    method(vm, t, "read", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "read", nargs, 0, 1, kw);
      const st = io(args[base], "read");
      return rt.newStr(st.read(sizeArg(nargs === 2 ? args[base + 1] : 0)));
    }, true);
    method(vm, t, "readline", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "readline", nargs, 0, 1, kw);
      const st = io(args[base], "readline");
      return rt.newStr(st.readline(sizeArg(nargs === 2 ? args[base + 1] : 0)));
    }, true);
    method(vm, t, "readlines", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "readlines", nargs, 0, 1, kw);
      const st = io(args[base], "readlines");
      const hint = sizeArg(nargs === 2 ? args[base + 1] : 0);
      const lines: Ref[] = [];
      let total = 0;
      for (let line = st.readline(-1); line !== ""; line = st.readline(-1)) {
        lines.push(rt.newStr(line));
        total += line.length;
        if (hint > 0 && total >= hint) break;
      }
      const l = vm.list(lines);
      for (const s of lines) vm.heap.decref(s);
      return l;
    }, true);
    method(vm, t, "seek", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "seek", nargs, 1, 2, kw);
      const st = io(args[base], "seek");
      const pos = toSsize(vm, args[base + 1]);
      const whence = nargs === 3 ? toSsize(vm, args[base + 2]) : 0;
      if (whence !== 0 && whence !== 1 && whence !== 2) vm.raise("ValueError", `Invalid whence (${whence}, should be 0, 1 or 2)`);
      if (whence === 0 && pos < 0) vm.raise("ValueError", `Negative seek position ${pos}`);
      if (whence !== 0 && pos !== 0) vm.raise("OSError", "Can't do nonzero cur-relative seeks"); // CPython says "cur" for both
      if (whence === 0) st.pos = pos;
      else if (whence === 2) st.pos = st.length;
      return rt.newInt(st.pos);
    }, true);
    method(vm, t, "tell", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "tell", nargs, 0, 0, kw);
      return rt.newInt(io(args[base], "tell").pos);
    }, true);
    method(vm, t, "truncate", (_vm, args, base, nargs, kw) => {
      checkMethodArgs(vm, "truncate", nargs, 0, 1, kw);
      const st = io(args[base], "truncate");
      const o = nargs === 2 ? args[base + 1] : rt.None;
      const size = o === rt.None ? st.pos : toSsize(vm, o);
      if (size < 0) vm.raise("ValueError", `Negative size value ${size}`);
      st.truncate(size);
      return rt.newInt(size);
    }, true);
    method(vm, t, "close", (_vm, args, base) => {
      stateOf(vm, args[base], t, StringIOState, "close").closed = true;
      return rt.none();
    });
    getter(vm, t, "closed", (self) => rt.bool(stateOf(vm, self, t, StringIOState, "closed").closed));
    getter(vm, t, "newlines", () => rt.none());
    for (const name of ["readable", "writable", "seekable"]) {
      method(vm, t, name, (_vm, args, base) => {
        io(args[base], name);
        return rt.bool(true);
      });
    }
    method(vm, t, "isatty", (_vm, args, base) => {
      io(args[base], "isatty");
      return rt.bool(false);
    });
    method(vm, t, "flush", (_vm, args, base) => {
      io(args[base], "flush");
      return rt.none();
    });
    method(vm, t, "__iter__", (_vm, args, base) => {
      io(args[base], "__iter__");
      return rt.newRef(args[base]);
    });
    method(vm, t, "__next__", (_vm, args, base) => {
      const v = stateOf(vm, args[base], t, StringIOState, "__next__").next(vm);
      if (v === 0) stopIteration(vm);
      return v;
    });
    method(vm, t, "__enter__", (_vm, args, base) => {
      io(args[base], "__enter__");
      return rt.newRef(args[base]);
    });
    method(vm, t, "__exit__", (_vm, args, base) => {
      stateOf(vm, args[base], t, StringIOState, "__exit__").closed = true;
      return rt.none();
    });
  });
}

/** Register `io`. */
function installIo(vm: VM, _module: Ref, d: Ref): void {
  const t = stringIOType(vm);
  vm.heap.incref(t.ref);
  put(vm, d, "StringIO", t.ref);
  for (const [name, v] of [["SEEK_SET", 0], ["SEEK_CUR", 1], ["SEEK_END", 2], ["DEFAULT_BUFFER_SIZE", 8192]] as const) {
    put(vm, d, name, vm.rt.newInt(v));
  }
}

nativeModules.set("io", installIo);
