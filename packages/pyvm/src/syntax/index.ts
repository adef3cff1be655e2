// Public API of the Python 3.11 front end: tokenizer, parser, AST types,
// CPython-compatible ast.dump, and the SyntaxError type they raise.

export { tokenize } from "./tokenizer.js";
export type { Token, TokenType } from "./tokens.js";
export { parse } from "./parser.js";
export type { ParseOptions } from "./parser.js";
export { dump } from "./dump.js";
export type { DumpOptions } from "./dump.js";
export { PyRecursionError, PySyntaxError } from "./errors.js";
export type { SyntaxErrorInfo, SyntaxErrorKind } from "./errors.js";
export { Ellipsis } from "./ast.js";
export type * from "./ast.js";
