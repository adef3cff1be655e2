/**
 * The builtin types: one {@link PyType} per type CPython defines statically, materialized as
 * runtime-static type objects. Methods are added by the modules that implement each type.
 */
import { TYPE_AUX } from "@immortal/heap";
import { PyType } from "../objects/pytype.js";
import type { Runtime } from "../objects/runtime.js";
import { materializeType } from "../objects/typeobj.js";
import { INST_SLOTS } from "../objects/object-layouts.js";

/** Names of the builtin exception types, each with its base, in definition order. */
export const EXCEPTION_HIERARCHY: readonly (readonly [string, string | null])[] = [
  ["BaseException", null],
  ["GeneratorExit", "BaseException"],
  ["KeyboardInterrupt", "BaseException"],
  ["SystemExit", "BaseException"],
  ["Exception", "BaseException"],
  ["ArithmeticError", "Exception"],
  ["FloatingPointError", "ArithmeticError"],
  ["OverflowError", "ArithmeticError"],
  ["ZeroDivisionError", "ArithmeticError"],
  ["AssertionError", "Exception"],
  ["AttributeError", "Exception"],
  ["BufferError", "Exception"],
  ["EOFError", "Exception"],
  ["ImportError", "Exception"],
  ["ModuleNotFoundError", "ImportError"],
  ["LookupError", "Exception"],
  ["IndexError", "LookupError"],
  ["KeyError", "LookupError"],
  ["MemoryError", "Exception"],
  ["NameError", "Exception"],
  ["UnboundLocalError", "NameError"],
  ["OSError", "Exception"],
  ["BlockingIOError", "OSError"],
  ["ChildProcessError", "OSError"],
  ["ConnectionError", "OSError"],
  ["BrokenPipeError", "ConnectionError"],
  ["ConnectionAbortedError", "ConnectionError"],
  ["ConnectionRefusedError", "ConnectionError"],
  ["ConnectionResetError", "ConnectionError"],
  ["FileExistsError", "OSError"],
  ["FileNotFoundError", "OSError"],
  ["InterruptedError", "OSError"],
  ["IsADirectoryError", "OSError"],
  ["NotADirectoryError", "OSError"],
  ["PermissionError", "OSError"],
  ["ProcessLookupError", "OSError"],
  ["TimeoutError", "OSError"],
  ["ReferenceError", "Exception"],
  ["RuntimeError", "Exception"],
  ["NotImplementedError", "RuntimeError"],
  ["RecursionError", "RuntimeError"],
  ["StopAsyncIteration", "Exception"],
  ["StopIteration", "Exception"],
  ["SyntaxError", "Exception"],
  ["IndentationError", "SyntaxError"],
  ["TabError", "IndentationError"],
  ["SystemError", "Exception"],
  ["TypeError", "Exception"],
  ["ValueError", "Exception"],
  ["UnicodeError", "ValueError"],
  ["UnicodeDecodeError", "UnicodeError"],
  ["UnicodeEncodeError", "UnicodeError"],
  ["UnicodeTranslateError", "UnicodeError"],
  ["Warning", "Exception"],
  ["BytesWarning", "Warning"],
  ["DeprecationWarning", "Warning"],
  ["EncodingWarning", "Warning"],
  ["FutureWarning", "Warning"],
  ["ImportWarning", "Warning"],
  ["PendingDeprecationWarning", "Warning"],
  ["ResourceWarning", "Warning"],
  ["RuntimeWarning", "Warning"],
  ["SyntaxWarning", "Warning"],
  ["UnicodeWarning", "Warning"],
  ["UserWarning", "Warning"],
];

/** The builtin types by name. */
export interface BuiltinTypes {
  object: PyType;
  type: PyType;
  NoneType: PyType;
  ellipsis: PyType;
  NotImplementedType: PyType;
  bool: PyType;
  int: PyType;
  float: PyType;
  str: PyType;
  bytes: PyType;
  tuple: PyType;
  list: PyType;
  dict: PyType;
  set: PyType;
  frozenset: PyType;
  function: PyType;
  builtin_function_or_method: PyType;
  method: PyType;
  cell: PyType;
  code: PyType;
  module: PyType;
  range: PyType;
  slice: PyType;
  list_iterator: PyType;
  tuple_iterator: PyType;
  str_iterator: PyType;
  bytes_iterator: PyType;
  range_iterator: PyType;
  iterator: PyType;
  /** The iterators builtins return, named as CPython's types are (type(map(f, x)).__name__). */
  map: PyType;
  filter: PyType;
  zip: PyType;
  enumerate: PyType;
  reversed: PyType;
  list_reverseiterator: PyType;
  str_ascii_iterator: PyType;
  /** A class's read-only namespace view (`C.__dict__`). */
  mappingproxy: PyType;
  set_iterator: PyType;
  dict_keyiterator: PyType;
  dict_valueiterator: PyType;
  dict_itemiterator: PyType;
  dict_reversekeyiterator: PyType;
  dict_reversevalueiterator: PyType;
  dict_reverseitemiterator: PyType;
  generator: PyType;
  property: PyType;
  classmethod: PyType;
  staticmethod: PyType;
  super: PyType;
  dict_keys: PyType;
  dict_values: PyType;
  dict_items: PyType;
  /** sys.stdout and sys.stderr's type. */
  TextIOWrapper: PyType;
  /** Traceback objects (`e.__traceback__`, `sys.exc_info()[2]`): views of an exception's entries. */
  traceback: PyType;
  /** Exception types by name (BaseException … UserWarning). */
  exc: Record<string, PyType>;
}

/**
 * Create every builtin type. `type` and `object` come first (each type object's own type is
 * `type`); the rest follow with their layouts, so `typeOf` of a builtin object is one array read.
 */
export function createBuiltinTypes(rt: Runtime): BuiltinTypes {
  const L = rt.L;
  const make = (name: string, layout: number, bases: PyType[], owner = true): PyType => {
    const t = new PyType(name, layout, bases, false);
    if (owner) rt.layoutTypes[layout] = t;
    materializeType(rt, t, true);
    return t;
  };
  const object = new PyType("object", L.instance, [], false, "builtins", "object", INST_SLOTS - 16, -1);
  rt.layoutTypes[L.instance] = object;
  const type = new PyType("type", L.type, [object], false);
  rt.layoutTypes[L.type] = type;
  materializeType(rt, object, true);
  materializeType(rt, type, true);
  const aux = (t: PyType, instance: number) => rt.heap.mem.setI32(instance + TYPE_AUX, t.ref);

  const int = make("int", L.int, [object]);
  const T: BuiltinTypes = {
    object,
    type,
    NoneType: make("NoneType", L.none, [object]),
    ellipsis: make("ellipsis", L.none, [object], false),
    NotImplementedType: make("NotImplementedType", L.none, [object], false),
    int,
    bool: make("bool", L.bool, [int]),
    float: make("float", L.float, [object]),
    str: make("str", L.str, [object]),
    tuple: make("tuple", L.tuple, [object]),
    list: make("list", L.list, [object]),
    dict: make("dict", L.dict, [object]),
    set: make("set", L.set, [object]),
    frozenset: make("frozenset", L.frozenset, [object]),
    function: make("function", L.function, [object]),
    builtin_function_or_method: make("builtin_function_or_method", L.builtin, [object]),
    method: make("method", L.method, [object]),
    cell: make("cell", L.cell, [object]),
    code: make("code", L.code, [object]),
    module: make("module", L.module, [object]),
    range: make("range", L.range, [object]),
    slice: make("slice", L.slice, [object]),
    list_iterator: make("list_iterator", L.seqiter, [object]),
    tuple_iterator: make("tuple_iterator", L.seqiter, [object], false),
    str_iterator: make("str_iterator", L.seqiter, [object], false),
    range_iterator: make("range_iterator", L.rangeiter, [object]),
    iterator: make("iterator", L.iter, [object]),
    map: make("map", L.iter, [object], false),
    filter: make("filter", L.iter, [object], false),
    zip: make("zip", L.iter, [object], false),
    enumerate: make("enumerate", L.iter, [object], false),
    reversed: make("reversed", L.iter, [object], false),
    list_reverseiterator: make("list_reverseiterator", L.iter, [object], false),
    str_ascii_iterator: make("str_ascii_iterator", L.seqiter, [object], false),
    mappingproxy: make("mappingproxy", L.iter, [object], false),
    set_iterator: make("set_iterator", L.iter, [object], false),
    dict_keyiterator: make("dict_keyiterator", L.iter, [object], false),
    dict_valueiterator: make("dict_valueiterator", L.iter, [object], false),
    dict_itemiterator: make("dict_itemiterator", L.iter, [object], false),
    dict_reversekeyiterator: make("dict_reversekeyiterator", L.iter, [object], false),
    dict_reversevalueiterator: make("dict_reversevalueiterator", L.iter, [object], false),
    dict_reverseitemiterator: make("dict_reverseitemiterator", L.iter, [object], false),
    generator: make("generator", L.generator, [object]),
    property: make("property", L.property, [object]),
    classmethod: make("classmethod", L.classmethod, [object]),
    staticmethod: make("staticmethod", L.staticmethod, [object]),
    super: make("super", L.super, [object]),
    dict_keys: make("dict_keys", L.iter, [object], false),
    dict_values: make("dict_values", L.iter, [object], false),
    dict_items: make("dict_items", L.iter, [object], false),
    TextIOWrapper: make("TextIOWrapper", L.instance, [object], false),
    traceback: make("traceback", L.iter, [object], false),
    bytes: make("bytes", L.bytes, [object]),
    bytes_iterator: make("bytes_iterator", L.iter, [object], false),
    exc: {},
  };
  aux(T.ellipsis, rt.Ellipsis);
  aux(T.NotImplementedType, rt.NotImplemented);
  for (const [name, base] of EXCEPTION_HIERARCHY) {
    const t = new PyType(name, L.exception, base === null ? [object] : [T.exc[base]], false);
    if (base === null) rt.layoutTypes[L.exception] = t;
    materializeType(rt, t, true);
    T.exc[name] = t;
  }
  return T;
}
