// ast.dump(): renders our AST exactly as CPython 3.11's `ast.dump(tree)`
// does, so trees can be compared differentially against python3.

import type { ConstantValue, Node } from "./ast.js";
import { PyRecursionError } from "./errors.js";
import { constantRepr, strRepr } from "./repr.js";

/** CPython's `_fields` for each node class, in order. */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  Module: ["body", "type_ignores"],
  FunctionDef: ["name", "args", "body", "decorator_list", "returns", "type_comment"],
  ClassDef: ["name", "bases", "keywords", "body", "decorator_list"],
  Return: ["value"],
  Delete: ["targets"],
  Assign: ["targets", "value", "type_comment"],
  AugAssign: ["target", "op", "value"],
  AnnAssign: ["target", "annotation", "value", "simple"],
  For: ["target", "iter", "body", "orelse", "type_comment"],
  While: ["test", "body", "orelse"],
  If: ["test", "body", "orelse"],
  With: ["items", "body", "type_comment"],
  Raise: ["exc", "cause"],
  Try: ["body", "handlers", "orelse", "finalbody"],
  Assert: ["test", "msg"],
  Import: ["names"],
  ImportFrom: ["module", "names", "level"],
  Global: ["names"],
  Nonlocal: ["names"],
  Expr: ["value"],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ["op", "values"],
  NamedExpr: ["target", "value"],
  BinOp: ["left", "op", "right"],
  UnaryOp: ["op", "operand"],
  Lambda: ["args", "body"],
  IfExp: ["test", "body", "orelse"],
  Dict: ["keys", "values"],
  Set: ["elts"],
  ListComp: ["elt", "generators"],
  SetComp: ["elt", "generators"],
  DictComp: ["key", "value", "generators"],
  GeneratorExp: ["elt", "generators"],
  Yield: ["value"],
  YieldFrom: ["value"],
  Compare: ["left", "ops", "comparators"],
  Call: ["func", "args", "keywords"],
  FormattedValue: ["value", "conversion", "format_spec"],
  JoinedStr: ["values"],
  Constant: ["value", "kind"],
  Attribute: ["value", "attr", "ctx"],
  Subscript: ["value", "slice", "ctx"],
  Starred: ["value", "ctx"],
  Name: ["id", "ctx"],
  List: ["elts", "ctx"],
  Tuple: ["elts", "ctx"],
  Slice: ["lower", "upper", "step"],
  comprehension: ["target", "iter", "ifs", "is_async"],
  ExceptHandler: ["type", "name", "body"],
  arguments: ["posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg", "defaults"],
  arg: ["arg", "annotation", "type_comment"],
  keyword: ["arg", "value"],
  alias: ["name", "asname"],
  withitem: ["context_expr", "optional_vars"],
};

/**
 * Fields declared optional (`?`) in CPython's ASDL. ast.dump omits them when
 * they are None; other None values (such as Constant.value) are printed.
 */
const OPTIONAL: ReadonlySet<string> = new Set([
  "FunctionDef.returns", "FunctionDef.type_comment", "Return.value", "Assign.type_comment",
  "AnnAssign.value", "For.type_comment", "With.type_comment", "Raise.exc", "Raise.cause",
  "Assert.msg", "ImportFrom.module", "ImportFrom.level", "Yield.value",
  "FormattedValue.format_spec", "Constant.kind", "Slice.lower", "Slice.upper", "Slice.step",
  "ExceptHandler.type", "ExceptHandler.name", "arguments.vararg", "arguments.kwarg",
  "arg.annotation", "arg.type_comment", "keyword.arg", "alias.asname", "withitem.optional_vars",
]);

/** Fields whose values are singleton operator/context classes, printed as `Name()`. */
const ENUM_FIELDS: ReadonlySet<string> = new Set(["op", "ops", "ctx"]);

const ATTRIBUTES = ["lineno", "col_offset", "end_lineno", "end_col_offset"] as const;

/** Options of `dump`, as in `ast.dump`. */
export interface DumpOptions {
  /** Also print lineno/col_offset/end_lineno/end_col_offset (default false). */
  includeAttributes?: boolean;
}

/**
 * The string CPython 3.11's `ast.dump(node)` produces for the equivalent
 * tree (annotate_fields=True, indent=None).
 */
export function dump(node: Node, options: DumpOptions = {}): string {
  const out: string[] = [];
  try {
    writeNode(node, options.includeAttributes === true, out);
  } catch (e) {
    if (e instanceof RangeError) throw new PyRecursionError("<ast>");
    throw e;
  }
  return out.join("");
}

function writeNode(node: Node, attrs: boolean, out: string[]): void {
  const type = node._type;
  const record = node as unknown as Record<string, unknown>;
  out.push(type, "(");
  let first = true;
  for (const field of FIELDS[type]) {
    const value = record[field];
    if (value === null && OPTIONAL.has(`${type}.${field}`)) continue;
    if (!first) out.push(", ");
    first = false;
    out.push(field, "=");
    if (type === "Constant" && field === "value") out.push(constantRepr(value as ConstantValue));
    else writeValue(value, ENUM_FIELDS.has(field), attrs, out);
  }
  if (attrs && "lineno" in record) {
    for (const a of ATTRIBUTES) {
      if (!first) out.push(", ");
      first = false;
      out.push(a, "=", String(record[a]));
    }
  }
  out.push(")");
}

function writeValue(value: unknown, isEnum: boolean, attrs: boolean, out: string[]): void {
  if (value === null || value === undefined) {
    out.push("None");
  } else if (Array.isArray(value)) {
    out.push("[");
    value.forEach((v: unknown, i) => {
      if (i > 0) out.push(", ");
      writeValue(v, isEnum, attrs, out);
    });
    out.push("]");
  } else if (isEnum) {
    out.push(String(value), "()");
  } else if (typeof value === "string") {
    out.push(strRepr(value));
  } else if (typeof value === "number") {
    out.push(String(value));
  } else {
    writeNode(value as Node, attrs, out);
  }
}
