// Assignment and deletion targets: CPython's names for expression kinds in
// error messages, the search for the offending sub-target, and setting the
// Store/Del context on a valid target.

import { Ellipsis } from "./ast.js";
import type { Expr, ExprContext } from "./ast.js";

/** What the target is used for (CPython's TARGETS_TYPE). */
export type TargetKind = "star" | "del" | "for";

/** CPython's `_PyPegen_get_expr_name`: how error messages name an expression. */
export function exprName(e: Expr): string {
  switch (e._type) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v === null) return "None";
      if (v === true) return "True";
      if (v === false) return "False";
      if (v === Ellipsis) return "ellipsis";
      return "literal";
    }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "Slice":
      return "slice";
  }
}

/**
 * CPython's `_PyPegen_get_invalid_target`: the first sub-expression of `e`
 * that cannot be a target, or null if `e` is a valid target.
 */
export function invalidTarget(e: Expr, kind: TargetKind): Expr | null {
  switch (e._type) {
    case "List":
    case "Tuple":
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, kind);
        if (bad !== null) return bad;
      }
      return null;
    case "Starred":
      return kind === "del" ? e : invalidTarget(e.value, kind);
    case "Compare":
      // `for a in b` may reach here as a comparison; look at its left side.
      if (kind === "for") return e.ops[0] === "In" ? invalidTarget(e.left, kind) : null;
      return e;
    case "Name":
    case "Subscript":
    case "Attribute":
      return null;
    default:
      return e;
  }
}

/**
 * Sets `ctx` on a target that `invalidTarget` accepted, recursing into
 * tuples, lists and starred items (the values of attributes and
 * subscripts stay Load).
 */
export function setContext(e: Expr, ctx: ExprContext): void {
  switch (e._type) {
    case "Name":
    case "Attribute":
    case "Subscript":
      e.ctx = ctx;
      return;
    case "Starred":
      e.ctx = ctx;
      setContext(e.value, ctx);
      return;
    case "List":
    case "Tuple":
      e.ctx = ctx;
      for (const elt of e.elts) setContext(elt, ctx);
      return;
    default:
      return;
  }
}
