// Expression unparsing for `from __future__ import annotations`, which stores annotations as
// their source text normalized the way CPython's Python/ast_unparse.c prints them (operator
// precedence decides the parentheses, constants print as their repr).

import type * as ast from "../syntax/ast.js";
import { constOf, constRepr } from "./constants.js";
import type { Constant } from "../vm/code.js";

const PR = {
  TUPLE: 0,
  TEST: 1,
  OR: 2,
  AND: 3,
  NOT: 4,
  CMP: 5,
  EXPR: 6,
  BOR: 6,
  BXOR: 7,
  BAND: 8,
  SHIFT: 9,
  ARITH: 10,
  TERM: 11,
  FACTOR: 12,
  POWER: 13,
  AWAIT: 14,
  ATOM: 15,
} as const;

const BINOP: Record<ast.OperatorKind, [string, number]> = {
  Add: ["+", PR.ARITH],
  Sub: ["-", PR.ARITH],
  Mult: ["*", PR.TERM],
  MatMult: ["@", PR.TERM],
  Div: ["/", PR.TERM],
  Mod: ["%", PR.TERM],
  FloorDiv: ["//", PR.TERM],
  LShift: ["<<", PR.SHIFT],
  RShift: [">>", PR.SHIFT],
  BitOr: ["|", PR.BOR],
  BitXor: ["^", PR.BXOR],
  BitAnd: ["&", PR.BAND],
  Pow: ["**", PR.POWER],
};

const CMPOP: Record<ast.CmpOpKind, string> = {
  Eq: "==",
  NotEq: "!=",
  Lt: "<",
  LtE: "<=",
  Gt: ">",
  GtE: ">=",
  Is: "is",
  IsNot: "is not",
  In: "in",
  NotIn: "not in",
};

/** The text `from __future__ import annotations` stores for an annotation. */
export function unparseAnnotation(e: ast.Expr): string {
  return unparse(e, PR.TEST);
}

function paren(cond: boolean, s: string): string {
  return cond ? `(${s})` : s;
}

function constText(c: Constant): string {
  // Infinities print as an overflowing literal so the text evaluates back to them.
  const r = constRepr(c);
  return c.kind === "float" || c.kind === "complex" ? r.replace(/inf/g, "1e309") : r;
}

function unparseArgs(a: ast.Arguments): string {
  const parts: string[] = [];
  const positional = [...a.posonlyargs, ...a.args];
  const firstDefault = positional.length - a.defaults.length;
  positional.forEach((p, i) => {
    let s = p.arg;
    if (i >= firstDefault) s += `=${unparse(a.defaults[i - firstDefault], PR.TEST)}`;
    parts.push(s);
    if (i === a.posonlyargs.length - 1) parts.push("/");
  });
  if (a.vararg !== null || a.kwonlyargs.length > 0) parts.push(a.vararg !== null ? `*${a.vararg.arg}` : "*");
  a.kwonlyargs.forEach((p, i) => {
    const d = a.kw_defaults[i];
    parts.push(d === null ? p.arg : `${p.arg}=${unparse(d, PR.TEST)}`);
  });
  if (a.kwarg !== null) parts.push(`**${a.kwarg.arg}`);
  return parts.join(", ");
}

function comprehensions(gens: readonly ast.Comprehension[]): string {
  return gens
    .map((g) => ` for ${unparse(g.target, PR.TUPLE)} in ${unparse(g.iter, PR.TEST + 1)}${g.ifs.map((x) => ` if ${unparse(x, PR.TEST + 1)}`).join("")}`)
    .join("");
}

function fstringBody(values: readonly (ast.Constant | ast.FormattedValue)[]): string {
  let out = "";
  for (const v of values) {
    if (v._type === "Constant") {
      const c = constOf(v);
      out += c.kind === "str" ? c.value.replace(/{/g, "{{").replace(/}/g, "}}") : "";
    } else {
      const inner = unparse(v.value, PR.TEST + 1);
      out += `{${inner.startsWith("{") ? " " : ""}${inner}`;
      if (v.conversion !== -1) out += `!${String.fromCodePoint(v.conversion)}`;
      if (v.format_spec !== null) out += `:${fstringBody(v.format_spec.values)}`;
      out += "}";
    }
  }
  return out;
}

function unparse(e: ast.Expr, level: number): string {
  switch (e._type) {
    case "BoolOp": {
      const pr = e.op === "And" ? PR.AND : PR.OR;
      const s = e.values.map((v) => unparse(v, pr + 1)).join(e.op === "And" ? " and " : " or ");
      return paren(level > pr, s);
    }
    case "BinOp": {
      const [op, pr] = BINOP[e.op];
      const rassoc = e.op === "Pow";
      return paren(level > pr, `${unparse(e.left, pr + (rassoc ? 1 : 0))} ${op} ${unparse(e.right, pr + (rassoc ? 0 : 1))}`);
    }
    case "UnaryOp": {
      if (e.op === "Not") return paren(level > PR.NOT, `not ${unparse(e.operand, PR.NOT)}`);
      const op = e.op === "Invert" ? "~" : e.op === "UAdd" ? "+" : "-";
      return paren(level > PR.FACTOR, `${op}${unparse(e.operand, PR.FACTOR)}`);
    }
    case "Lambda": {
      const args = unparseArgs(e.args);
      return paren(level > PR.TEST, `lambda${args ? ` ${args}` : ""}: ${unparse(e.body, PR.TEST)}`);
    }
    case "IfExp":
      return paren(level > PR.TEST, `${unparse(e.body, PR.TEST + 1)} if ${unparse(e.test, PR.TEST + 1)} else ${unparse(e.orelse, PR.TEST)}`);
    case "Dict":
      return `{${e.keys
        .map((k, i) => (k === null ? `**${unparse(e.values[i], PR.EXPR)}` : `${unparse(k, PR.TEST)}: ${unparse(e.values[i], PR.TEST)}`))
        .join(", ")}}`;
    case "Set":
      return e.elts.length === 0 ? "{*()}" : `{${e.elts.map((x) => unparse(x, PR.TEST)).join(", ")}}`;
    case "ListComp":
      return `[${unparse(e.elt, PR.TEST)}${comprehensions(e.generators)}]`;
    case "SetComp":
      return `{${unparse(e.elt, PR.TEST)}${comprehensions(e.generators)}}`;
    case "DictComp":
      return `{${unparse(e.key, PR.TEST)}: ${unparse(e.value, PR.TEST)}${comprehensions(e.generators)}}`;
    case "GeneratorExp":
      return `(${unparse(e.elt, PR.TEST)}${comprehensions(e.generators)})`;
    case "Yield":
      return paren(true, e.value === null ? "yield" : `yield ${unparse(e.value, PR.TEST)}`);
    case "YieldFrom":
      return paren(true, `yield from ${unparse(e.value, PR.TEST)}`);
    case "Compare": {
      let s = unparse(e.left, PR.CMP + 1);
      e.ops.forEach((op, i) => {
        s += ` ${CMPOP[op]} ${unparse(e.comparators[i], PR.CMP + 1)}`;
      });
      return paren(level > PR.CMP, s);
    }
    case "Call": {
      const args = [
        ...e.args.map((a) => (e.args.length === 1 && e.keywords.length === 0 && a._type === "GeneratorExp" ? unparse(a, PR.TEST).slice(1, -1) : unparse(a, PR.TEST))),
        ...e.keywords.map((k) => (k.arg === null ? `**${unparse(k.value, PR.TEST)}` : `${k.arg}=${unparse(k.value, PR.TEST)}`)),
      ];
      return `${unparse(e.func, PR.ATOM)}(${args.join(", ")})`;
    }
    case "FormattedValue":
      return `f${JSON.stringify(fstringBody([e]))}`;
    case "JoinedStr": {
      const body = fstringBody(e.values);
      return `f${body.includes("'") && !body.includes('"') ? `"${body}"` : `'${body.replace(/'/g, "\\'")}'`}`;
    }
    case "Constant": {
      const c = constOf(e);
      if (c.kind === "ellipsis") return "...";
      if (c.kind === "tuple") return paren(level > PR.TUPLE, c.items.length === 1 ? `${constText(c.items[0])},` : c.items.map(constText).join(", "));
      const s = constText(c);
      // `1 .real` needs no special care here: an attribute's value is printed at ATOM level.
      return c.kind === "int" && level === PR.ATOM ? s : s;
    }
    case "Attribute": {
      let v = unparse(e.value, PR.ATOM);
      // An int literal needs a space before the dot (`1 .real`).
      if (e.value._type === "Constant" && constOf(e.value).kind === "int") v += " ";
      return `${v}.${e.attr}`;
    }
    case "Subscript": {
      const s = e.slice;
      const inner =
        s._type === "Tuple" && s.elts.length > 0
          ? s.elts.map((x) => unparse(x, PR.TEST)).join(", ") + (s.elts.length === 1 ? "," : "")
          : unparse(s, PR.TUPLE);
      return `${unparse(e.value, PR.ATOM)}[${inner}]`;
    }
    case "Starred":
      return `*${unparse(e.value, PR.EXPR)}`;
    case "Name":
      return e.id;
    case "List":
      return `[${e.elts.map((x) => unparse(x, PR.TEST)).join(", ")}]`;
    case "Tuple": {
      if (e.elts.length === 0) return "()";
      const s = e.elts.map((x) => unparse(x, PR.TEST)).join(", ") + (e.elts.length === 1 ? "," : "");
      return paren(level > PR.TUPLE, s);
    }
    case "Slice": {
      let s = e.lower !== null ? unparse(e.lower, PR.TEST) : "";
      s += ":";
      if (e.upper !== null) s += unparse(e.upper, PR.TEST);
      if (e.step !== null) s += `:${unparse(e.step, PR.TEST)}`;
      return s;
    }
    case "NamedExpr":
      return paren(level > PR.TUPLE, `${e.target.id} := ${unparse(e.value, PR.ATOM)}`);
  }
}
