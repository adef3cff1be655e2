// AST node types mirroring CPython 3.11's `ast` module: same class names
// (as the `_type` discriminant) and the same field names, in the same order.
// The discriminant is `_type` rather than `kind` because Constant has a
// field called `kind` and ExceptHandler one called `type`.
//
// Positions follow CPython: 1-based lines, 0-based columns counted in UTF-8
// bytes (for ASCII sources a byte column equals a character column).

/** Source span carried by statements, expressions and a few helper nodes. */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

// ---- constants ----------------------------------------------------------------

/** A complex constant; Python source can only spell pure imaginary ones. */
export interface Complex {
  readonly imag: number;
}

/** Python's `...` singleton. */
export const Ellipsis: unique symbol = Symbol.for("pyvm.Ellipsis");
export type EllipsisType = typeof Ellipsis;

/**
 * The value of a Constant: int → bigint, float → number, complex → Complex,
 * str → string, bytes → Uint8Array, bool → boolean, None → null, Ellipsis.
 */
export type ConstantValue = bigint | number | Complex | string | Uint8Array | boolean | null | EllipsisType;

// ---- enumerations (CPython models these as singleton node classes) ------------

export type ExprContext = "Load" | "Store" | "Del";
export type BoolOpKind = "And" | "Or";
export type OperatorKind =
  | "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow"
  | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "FloorDiv";
export type UnaryOpKind = "Invert" | "Not" | "UAdd" | "USub";
export type CmpOpKind = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

// ---- module -------------------------------------------------------------------

export interface Module {
  _type: "Module";
  body: Stmt[];
  /** Always empty: type comments are not supported. */
  type_ignores: never[];
}

// ---- statements -----------------------------------------------------------------

export interface FunctionDef extends Located {
  _type: "FunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
}
export interface ClassDef extends Located {
  _type: "ClassDef";
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
}
export interface Return extends Located {
  _type: "Return";
  value: Expr | null;
}
export interface Delete extends Located {
  _type: "Delete";
  targets: Expr[];
}
export interface Assign extends Located {
  _type: "Assign";
  targets: Expr[];
  value: Expr;
  type_comment: string | null;
}
export interface AugAssign extends Located {
  _type: "AugAssign";
  target: Expr;
  op: OperatorKind;
  value: Expr;
}
export interface AnnAssign extends Located {
  _type: "AnnAssign";
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  /** 1 for a bare (unparenthesized) name target, else 0. */
  simple: number;
}
export interface For extends Located {
  _type: "For";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}
export interface While extends Located {
  _type: "While";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface If extends Located {
  _type: "If";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface With extends Located {
  _type: "With";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}
export interface Raise extends Located {
  _type: "Raise";
  exc: Expr | null;
  cause: Expr | null;
}
export interface Try extends Located {
  _type: "Try";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface Assert extends Located {
  _type: "Assert";
  test: Expr;
  msg: Expr | null;
}
export interface Import extends Located {
  _type: "Import";
  names: Alias[];
}
export interface ImportFrom extends Located {
  _type: "ImportFrom";
  module: string | null;
  names: Alias[];
  level: number;
}
export interface Global extends Located {
  _type: "Global";
  names: string[];
}
export interface Nonlocal extends Located {
  _type: "Nonlocal";
  names: string[];
}
export interface ExprStmt extends Located {
  _type: "Expr";
  value: Expr;
}
export interface Pass extends Located {
  _type: "Pass";
}
export interface Break extends Located {
  _type: "Break";
}
export interface Continue extends Located {
  _type: "Continue";
}

export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | While | If
  | With | Raise | Try | Assert | Import | ImportFrom | Global | Nonlocal | ExprStmt | Pass | Break
  | Continue;

// ---- expressions ----------------------------------------------------------------

export interface BoolOp extends Located {
  _type: "BoolOp";
  op: BoolOpKind;
  values: Expr[];
}
export interface NamedExpr extends Located {
  _type: "NamedExpr";
  target: Name;
  value: Expr;
}
export interface BinOp extends Located {
  _type: "BinOp";
  left: Expr;
  op: OperatorKind;
  right: Expr;
}
export interface UnaryOp extends Located {
  _type: "UnaryOp";
  op: UnaryOpKind;
  operand: Expr;
}
export interface Lambda extends Located {
  _type: "Lambda";
  args: Arguments;
  body: Expr;
}
export interface IfExp extends Located {
  _type: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface Dict extends Located {
  _type: "Dict";
  /** null marks a `**mapping` entry. */
  keys: (Expr | null)[];
  values: Expr[];
}
export interface SetExpr extends Located {
  _type: "Set";
  elts: Expr[];
}
export interface ListComp extends Located {
  _type: "ListComp";
  elt: Expr;
  generators: Comprehension[];
}
export interface SetComp extends Located {
  _type: "SetComp";
  elt: Expr;
  generators: Comprehension[];
}
export interface DictComp extends Located {
  _type: "DictComp";
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}
export interface GeneratorExp extends Located {
  _type: "GeneratorExp";
  elt: Expr;
  generators: Comprehension[];
}
export interface Yield extends Located {
  _type: "Yield";
  value: Expr | null;
}
export interface YieldFrom extends Located {
  _type: "YieldFrom";
  value: Expr;
}
export interface Compare extends Located {
  _type: "Compare";
  left: Expr;
  ops: CmpOpKind[];
  comparators: Expr[];
}
export interface Call extends Located {
  _type: "Call";
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}
export interface FormattedValue extends Located {
  _type: "FormattedValue";
  value: Expr;
  /** -1 (none) or the code point of 's', 'r' or 'a'. */
  conversion: number;
  format_spec: JoinedStr | null;
}
export interface JoinedStr extends Located {
  _type: "JoinedStr";
  values: (Constant | FormattedValue)[];
}
export interface Constant extends Located {
  _type: "Constant";
  value: ConstantValue;
  /** "u" for strings whose first part has a lowercase u prefix, else null. */
  kind: string | null;
}
export interface Attribute extends Located {
  _type: "Attribute";
  value: Expr;
  attr: string;
  ctx: ExprContext;
}
export interface Subscript extends Located {
  _type: "Subscript";
  value: Expr;
  slice: Expr;
  ctx: ExprContext;
}
export interface Starred extends Located {
  _type: "Starred";
  value: Expr;
  ctx: ExprContext;
}
export interface Name extends Located {
  _type: "Name";
  id: string;
  ctx: ExprContext;
}
export interface List extends Located {
  _type: "List";
  elts: Expr[];
  ctx: ExprContext;
}
export interface Tuple extends Located {
  _type: "Tuple";
  elts: Expr[];
  ctx: ExprContext;
}
export interface Slice extends Located {
  _type: "Slice";
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | SetExpr | ListComp | SetComp
  | DictComp | GeneratorExp | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr
  | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice;

// ---- helper nodes -----------------------------------------------------------------

export interface Comprehension {
  _type: "comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  /** Always 0: async comprehensions are rejected. */
  is_async: number;
}
export interface ExceptHandler extends Located {
  _type: "ExceptHandler";
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}
export interface Arguments {
  _type: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One entry per kwonlyarg; null where it has no default. */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last positional parameters (posonlyargs then args). */
  defaults: Expr[];
}
export interface Arg extends Located {
  _type: "arg";
  arg: string;
  annotation: Expr | null;
  type_comment: string | null;
}
export interface Keyword extends Located {
  _type: "keyword";
  /** null for `**mapping`. */
  arg: string | null;
  value: Expr;
}
export interface Alias extends Located {
  _type: "alias";
  name: string;
  asname: string | null;
}
export interface WithItem {
  _type: "withitem";
  context_expr: Expr;
  optional_vars: Expr | null;
}

/** Any AST node. */
export type Node = Module | Stmt | Expr | Comprehension | ExceptHandler | Arguments | Arg | Keyword | Alias | WithItem;

/** A node without its position fields (what parsers build before locating it). */
export type NodeShape = Node extends infer N ? (N extends Located ? Omit<N, keyof Located> : N) : never;
