/**
 * str.format and str.format_map: the replacement-field language of PEP 3101 as CPython 3.11
 * parses it (Objects/stringlib/unicode_format.h) — literal text with `{{`/`}}` escapes, fields
 * `{name.attr[key]!conv:spec}` with automatic or manual numbering, format specs that may nest
 * fields one level deep — each field formatted with formatObject, with CPython's errors.
 */
import type { Ref } from "@immortal/heap";
import { asciiEscapeNonAscii } from "../format/str-repr.js";
import { decimalValue } from "../format/unicode-data.js";
import { getAttr } from "../vm/attr.js";
import { formatObject, getItem } from "../vm/containers.js";
import { repr, str } from "../vm/ops.js";
import type { VM } from "../vm/vm.js";

/** Auto-numbering state, shared by a format string and its nested specs. */
interface Numbering {
  state: "init" | "auto" | "manual";
  next: number;
}

/** What the fields draw on: positional arguments (null for format_map) and a keyword lookup. */
interface FormatSources {
  args: readonly Ref[] | null;
  /** `kwargs[key]` as a new reference, raising KeyError (or the mapping's error) when absent. */
  lookup: (key: string) => Ref;
}

/** get_integer: the value of an all-decimal-digit name, or −1 (empty or not a number). */
function parseInteger(vm: VM, s: string): number {
  if (s === "") return -1;
  let acc = 0;
  for (const c of s) {
    const d = decimalValue(c.codePointAt(0)!);
    if (d < 0) return -1;
    // PY_SSIZE_T_MAX overflow check, done on exact integers.
    if (BigInt(acc) > (0x7fffffffffffffffn - BigInt(d)) / 10n) vm.raise("ValueError", "Too many decimal digits in format string");
    acc = acc * 10 + d;
  }
  return acc;
}

/**
 * `format_string.format(*args, **kwargs)` (args null: `format_map`, where positional fields are an
 * error). Returns the formatted text.
 */
export function formatWithArgs(vm: VM, fmt: string, args: readonly Ref[] | null, lookup: (key: string) => Ref): string {
  return buildString(vm, fmt, { args, lookup }, 2, { state: "init", next: 0 });
}

/** build_string: expand every field of `input` (`depth` levels of nesting left). */
function buildString(vm: VM, input: string, src: FormatSources, depth: number, numbering: Numbering): string {
  if (depth <= 0) vm.raise("ValueError", "Max string recursion exceeded");
  let out = "";
  let pos = 0;
  const end = input.length;
  while (pos < end) {
    // Literal text up to a brace; a doubled brace is one literal brace.
    const start = pos;
    let c = "";
    let markup = false;
    while (pos < end) {
      c = input[pos++];
      if (c === "{" || c === "}") {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (c === "}" && markup && (atEnd || input[pos] !== "}")) vm.raise("ValueError", "Single '}' encountered in format string");
    if (atEnd && c === "{" && markup) vm.raise("ValueError", "Single '{' encountered in format string");
    if (!atEnd && markup) {
      if (input[pos] === c) {
        pos++;
        markup = false;
      } else {
        len--;
      }
    }
    out += input.slice(start, start + len);
    if (!markup) continue;
    // parse_field: name up to '!', ':' or '}' (skipping over [...]).
    const nameStart = pos;
    c = "";
    while (pos < end) {
      c = input[pos++];
      if (c === "{") vm.raise("ValueError", "unexpected '{' in field name");
      if (c === "[") {
        while (pos < end && input[pos] !== "]") pos++;
        continue;
      }
      if (c === "}" || c === ":" || c === "!") break;
    }
    const fieldName = input.slice(nameStart, pos - 1);
    let conversion = "";
    let spec = "";
    let specNeedsExpanding = false;
    if (c === "!" || c === ":") {
      if (c === "!") {
        if (pos >= end) vm.raise("ValueError", "end of string while looking for conversion specifier");
        conversion = String.fromCodePoint(input.codePointAt(pos)!);
        pos += conversion.length;
        if (pos < end) {
          const next = input[pos++];
          if (next === "}") {
            out += renderField(vm, fieldName, conversion, "", false, src, depth, numbering);
            continue;
          }
          if (next !== ":") vm.raise("ValueError", "expected ':' after conversion specifier");
        }
      }
      const specStart = pos;
      let count = 1;
      let closed = false;
      while (pos < end) {
        const s = input[pos++];
        if (s === "{") {
          specNeedsExpanding = true;
          count++;
        } else if (s === "}") {
          count--;
          if (count === 0) {
            spec = input.slice(specStart, pos - 1);
            closed = true;
            break;
          }
        }
      }
      if (!closed) vm.raise("ValueError", "unmatched '{' in format spec");
    } else if (c !== "}") {
      vm.raise("ValueError", "expected '}' before end of string");
    }
    out += renderField(vm, fieldName, conversion, spec, specNeedsExpanding, src, depth, numbering);
  }
  return out;
}

/** output_markup: look the field up, convert it, expand its spec if needed, and format it. */
function renderField(
  vm: VM,
  fieldName: string,
  conversion: string,
  spec: string,
  specNeedsExpanding: boolean,
  src: FormatSources,
  depth: number,
  numbering: Numbering,
): string {
  const rt = vm.rt;
  let obj = fieldObject(vm, fieldName, src, numbering);
  try {
    if (conversion !== "") {
      let text: string;
      if (conversion === "r") text = repr(vm, obj);
      else if (conversion === "s") text = str(vm, obj);
      else if (conversion === "a") text = asciiEscapeNonAscii(repr(vm, obj));
      else {
        const cp = conversion.codePointAt(0)!;
        vm.raise("ValueError", cp > 32 && cp < 127 ? `Unknown conversion specifier ${conversion}` : `Unknown conversion specifier \\x${cp.toString(16)}`);
      }
      const converted = rt.newStr(text);
      vm.heap.decref(obj);
      obj = converted;
    }
    const actualSpec = specNeedsExpanding ? buildString(vm, spec, src, depth - 1, numbering) : spec;
    return formatObject(vm, obj, actualSpec);
  } finally {
    vm.heap.decref(obj);
  }
}

/** get_field_object: the argument a field names, then its `.attr` and `[key]` lookups (a new reference). */
function fieldObject(vm: VM, fieldName: string, src: FormatSources, numbering: Numbering): Ref {
  const rt = vm.rt;
  // field_name_split: the first part runs to the first '.' or '['.
  let i = 0;
  while (i < fieldName.length && fieldName[i] !== "." && fieldName[i] !== "[") i++;
  const first = fieldName.slice(0, i);
  let index = parseInteger(vm, first);
  const empty = first === "";
  const numeric = empty || index !== -1;
  if (numbering.state === "init" && numeric) numbering.state = empty ? "auto" : "manual";
  if (numeric) {
    if (numbering.state === "manual" && empty) {
      vm.raise("ValueError", "cannot switch from manual field specification to automatic field numbering");
    }
    if (numbering.state === "auto" && !empty) {
      vm.raise("ValueError", "cannot switch from automatic field numbering to manual field specification");
    }
  }
  if (empty) index = numbering.next++;
  let obj: Ref;
  if (index === -1) {
    obj = src.lookup(first);
  } else {
    if (src.args === null) vm.raise("ValueError", "Format string contains positional fields");
    if (index >= src.args.length) vm.raise("IndexError", `Replacement index ${index} out of range for positional args tuple`);
    obj = rt.newRef(src.args[index]);
  }
  // FieldNameIterator: '.name' or '[key]' parts until the end.
  try {
    while (i < fieldName.length) {
      const c = fieldName[i++];
      let name: string;
      let isAttribute: boolean;
      if (c === ".") {
        isAttribute = true;
        const s = i;
        while (i < fieldName.length && fieldName[i] !== "." && fieldName[i] !== "[") i++;
        name = fieldName.slice(s, i);
      } else if (c === "[") {
        isAttribute = false;
        const s = i;
        while (i < fieldName.length && fieldName[i] !== "]") i++;
        if (i >= fieldName.length) vm.raise("ValueError", "Missing ']' in format string");
        name = fieldName.slice(s, i);
        i++;
      } else {
        vm.raise("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
      }
      const keyIndex = isAttribute ? -1 : parseInteger(vm, name);
      if (name === "") vm.raise("ValueError", "Empty attribute in format string");
      let next: Ref;
      if (isAttribute) next = getAttr(vm, obj, name);
      else {
        const key = keyIndex === -1 ? rt.newStr(name) : rt.newInt(keyIndex);
        try {
          next = getItem(vm, obj, key);
        } finally {
          vm.heap.decref(key);
        }
      }
      vm.heap.decref(obj);
      obj = next;
    }
  } catch (e) {
    vm.heap.decref(obj);
    throw e;
  }
  return obj;
}
