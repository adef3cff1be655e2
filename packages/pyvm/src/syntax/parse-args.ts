// Argument lists of calls and class definitions, and parameter lists of
// def and lambda: the parser layer between expressions and statements,
// with CPython's messages for misplaced arguments and parameters.

import type { Arg, Arguments, Expr, Keyword } from "./ast.js";
import { PySyntaxError } from "./errors.js";
import { ExprParser, isIdentifier } from "./parse-expr.js";
import type { ParamsKind } from "./parse-expr.js";
import type { FieldContext, Spanned } from "./parser-base.js";
import type { Token } from "./tokens.js";

/** Expressions plus argument and parameter lists; extended by StmtParser. */
export class ArgsParser extends ExprParser {
  /** A parser for an f-string replacement field (expressions only). */
  protected fieldParser(tokens: Token[], invalidRules: boolean, field: FieldContext): ExprParser {
    return new ArgsParser(this.src, tokens, invalidRules, field);
  }

  // ---- call arguments -------------------------------------------------------------

  /**
   * `( arguments )` of a call or class definition, from '(' to ')'. With
   * `allowGenexp`, a sole generator argument may omit its own parentheses
   * (the GeneratorExp then spans the call's parentheses).
   */
  protected callArguments(allowGenexp: boolean): { args: Expr[]; keywords: Keyword[] } {
    const open = this.next();
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    // Set at the first positional argument after a keyword: whether a
    // `**` came before it (that picks CPython's message).
    let positionalAfterKeyword: "keyword" | "unpacking" | null = null;
    while (!this.at(")")) {
      const t = this.tok;
      if (t.value === "*" && t.type === "OP") {
        // CPython's invalid_arguments `args ',' '*'`: a '*' that cannot
        // continue the arguments after a comma (after `**`, or bare).
        const misplaced = (): PySyntaxError =>
          this.orGeneric(this.errorSpan("iterable argument unpacking follows keyword argument unpacking", t));
        if (sawDoubleStar) throw misplaced();
        const star = this.pos;
        let starredArg: Expr;
        try {
          starredArg = this.starred(() => this.expression());
        } catch (e) {
          // (Observed in CPython 3.11: it reports this only after keywords
          // or after starred arguments alone.)
          if (this.isGeneric(e) && (keywords.length > 0 || (args.length > 0 && args.every((a) => a._type === "Starred")))) {
            throw misplaced();
          }
          throw e;
        }
        if (this.at("for")) {
          this.starredComprehension(star);
          throw this.invalidSyntax();
        }
        args.push(starredArg);
      } else if (t.value === "**" && t.type === "OP") {
        this.next();
        const value = this.expression();
        keywords.push(this.finish({ _type: "keyword", arg: null, value }, t));
        sawDoubleStar = true;
      } else if (this.invalidRules && (t.value === "True" || t.value === "False" || t.value === "None") && this.peek(1, true).value === "=") {
        throw this.errorSpan(`cannot assign to ${t.value}`, t, this.peek(1, true));
      } else if (isIdentifier(t) && this.peek().value === "=") {
        this.next();
        const eq = this.next();
        const value = this.expression();
        if (this.at("for")) throw this.orGeneric(this.errorSpan("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", t, eq));
        keywords.push(this.finish({ _type: "keyword", arg: t.value, value }, t));
        sawKeyword = true;
      } else {
        // After keywords, CPython's first pass does not even read a
        // positional argument (its grammar has no place for it).
        if ((sawKeyword || sawDoubleStar) && !this.invalidRules) throw this.invalidSyntax();
        const e = this.callPositional();
        if (this.at("for") || this.at("async")) {
          // The first pass only reads an unparenthesized generator as the sole argument.
          if (!allowGenexp || (!this.invalidRules && (args.length > 0 || keywords.length > 0))) throw this.invalidSyntax();
          const generators = this.forIfClauses();
          const last = generators[generators.length - 1];
          const lastItem = last.ifs.length > 0 ? last.ifs[last.ifs.length - 1] : last.iter;
          if (args.length === 0 && keywords.length === 0 && this.at(")")) {
            this.next();
            const genexp = this.finish({ _type: "GeneratorExp", elt: e, generators }, open);
            return { args: [genexp], keywords };
          }
          // CPython asks for parentheses when other arguments precede or follow.
          if (args.length > 0 || this.at(",")) throw this.orGeneric(this.errorSpan("Generator expression must be parenthesized", e, lastItem));
          throw this.invalidSyntax();
        }
        if ((sawKeyword || sawDoubleStar) && positionalAfterKeyword === null) {
          positionalAfterKeyword = sawDoubleStar ? "unpacking" : "keyword";
        }
        args.push(e);
      }
      if (!this.eat(",")) break;
    }
    if (positionalAfterKeyword !== null) {
      if (!this.invalidRules) throw this.invalidSyntax();
      throw this.errorHere(
        positionalAfterKeyword === "unpacking"
          ? "positional argument follows keyword argument unpacking"
          : "positional argument follows keyword argument",
      );
    }
    if (!this.at(")")) throw this.invalidSyntax();
    this.next();
    return { args, keywords };
  }

  /** A positional call argument: `NAME := e` or an expression not followed by '='. */
  private callPositional(): Expr {
    const t = this.tok;
    if (isIdentifier(t) && this.peek().value === ":=") return this.namedExpression();
    const e = this.expression();
    if (this.invalidRules) {
      if (this.at("=")) throw this.errorSpan('expression cannot contain assignment, perhaps you meant "=="?', e, this.tok);
      if (this.at(":=")) this.checkWalrusTarget(e);
    }
    return e;
  }

  // ---- parameters ------------------------------------------------------------------

  /**
   * A parameter list up to (not including) `close`: positional-only
   * parameters before '/', defaults, '*args' or bare '*', keyword-only
   * parameters and '**kwargs', with CPython's error messages.
   */
  protected parameters(kind: ParamsKind, close: string): Arguments {
    const result: Arguments = {
      _type: "arguments",
      posonlyargs: [],
      args: [],
      vararg: null,
      kwonlyargs: [],
      kw_defaults: [],
      kwarg: null,
      defaults: [],
    };
    let sawSlash = false;
    let sawStar = false;
    let sawDefault = false;
    // Whether CPython's "non-default argument follows default argument" rule
    // applies (otherwise the error is generic): 0 = leading parameters
    // without defaults, 1 = in the first run of defaults, 2 = just after a
    // '/' ending that run, 3 = the rule no longer matches.
    let defaultsPhase = 0;
    while (!this.at(close)) {
      const t = this.tok;
      if (result.kwarg !== null) {
        if (isIdentifier(t) || t.value === "*" || t.value === "**" || t.value === "/") {
          throw this.orGeneric(this.errorSpan("arguments cannot follow var-keyword argument", t));
        }
        throw this.invalidSyntax();
      }
      if (t.type === "OP" && t.value === "/") {
        if (sawStar) throw this.orGeneric(this.errorSpan("/ must be ahead of *", t));
        if (sawSlash) throw this.orGeneric(this.errorSpan("/ may appear only once", t));
        if (result.args.length === 0) {
          if (this.peek(1, true).value === ",") throw this.orGeneric(this.errorSpan("at least one argument must precede /", t));
          throw this.invalidSyntax();
        }
        this.next();
        sawSlash = true;
        defaultsPhase = defaultsPhase === 1 ? 2 : 3;
        result.posonlyargs = result.args;
        result.args = [];
      } else if (t.type === "OP" && t.value === "*") {
        if (sawStar) {
          // CPython's rule needs a ',' or a plain parameter after the second '*'.
          const after = this.peek(1, true);
          const next2 = this.peek(2, true);
          const plainParam = isIdentifier(after) && (next2.value === "," || next2.value === ")" || next2.value === ":");
          if (after.value === "," || plainParam) throw this.orGeneric(this.errorSpan("* argument may appear only once", t));
          throw this.invalidSyntax();
        }
        this.next();
        sawStar = true;
        if (this.at(",") || this.at(close)) {
          const after = this.peek(1, true);
          if (this.at(close) || after.value === close || after.value === "**") {
            // CPython locates this at the '*' for def, at the last token read for lambda.
            const where = kind === "def" ? t : this.at(close) ? this.tok : after;
            throw this.orGeneric(this.errorSpan("named arguments must follow bare *", where));
          }
        } else {
          result.vararg = this.param(kind, true);
          if (this.at("=")) throw this.orGeneric(this.errorSpan("var-positional argument cannot have default value", this.tok));
        }
      } else if (t.type === "OP" && t.value === "**") {
        this.next();
        result.kwarg = this.param(kind, false);
        if (this.at("=")) throw this.orGeneric(this.errorSpan("var-keyword argument cannot have default value", this.tok));
      } else if (t.type === "OP" && t.value === "(" && this.invalidRules) {
        throw this.parenthesizedParameters(t, kind);
      } else if (isIdentifier(t)) {
        if (!sawStar && sawDefault && !this.paramHasDefault(kind)) {
          // CPython's rule wants a complete parameter (followed by ',' or the end).
          const follower = this.paramFollower(kind);
          const complete = follower === "," || follower === close;
          if (complete && (defaultsPhase === 1 || defaultsPhase === 2)) {
            throw this.orGeneric(this.errorSpan("non-default argument follows default argument", this.paramSpan(kind)));
          }
          this.param(kind, false); // CPython reads the parameter before failing
          throw this.invalidSyntax();
        }
        const p = this.param(kind, false);
        let dflt: Expr | null = null;
        if (this.at("=")) {
          const eq = this.next();
          if (this.at(",") || this.at(")")) throw this.orGeneric(this.errorSpan("expected default value expression", eq));
          dflt = this.expression();
        }
        if (sawStar) {
          result.kwonlyargs.push(p);
          result.kw_defaults.push(dflt);
        } else {
          if (dflt !== null) {
            result.defaults.push(dflt);
            sawDefault = true;
            defaultsPhase = defaultsPhase <= 1 ? 1 : 3;
          }
          result.args.push(p);
        }
      } else {
        throw this.invalidSyntax();
      }
      if (!this.at(close)) {
        if (!this.at(",")) {
          if (t.value === "/" && this.at("*")) throw this.orGeneric(this.errorSpan("expected comma between / and *", this.tok));
          throw this.invalidSyntax();
        }
        this.next();
      }
    }
    return result;
  }

  /** True if the parameter at the cursor has a default (`NAME [: annotation] =`), by lookahead. */
  private paramHasDefault(kind: ParamsKind): boolean {
    return this.paramFollower(kind) === "=";
  }

  /** The token value after the parameter at the cursor (its name and annotation), by lookahead. */
  private paramFollower(kind: ParamsKind): string {
    const save = this.pos;
    let follower = "";
    this.speculate(() => {
      this.param(kind, false);
      follower = this.tok.value;
    });
    this.reset(save);
    return follower;
  }

  /** The span of the parameter at the cursor (name and annotation), by lookahead. */
  private paramSpan(kind: ParamsKind): Spanned {
    const save = this.pos;
    const p = this.speculate(() => this.param(kind, false));
    this.reset(save);
    return p ?? this.tok;
  }

  /** One parameter: NAME with an optional annotation (def only; `*args: *Ts` allowed). */
  private param(kind: ParamsKind, star: boolean): Arg {
    const name = this.tok;
    if (!isIdentifier(name)) throw this.invalidSyntax();
    this.next();
    let annotation: Expr | null = null;
    if (kind === "def" && this.eat(":")) annotation = star ? this.starExpression() : this.expression();
    return this.finish({ _type: "arg", arg: name.value, annotation, type_comment: null }, name);
  }

  /** `def f(a, (b, c))`: CPython's "Function parameters cannot be parenthesized" (and its lambda variant). */
  private parenthesizedParameters(open: Token, kind: ParamsKind): PySyntaxError {
    const generic = this.invalidSyntax();
    // The inside must be parameters without defaults: NAME [':' expression], ...
    const close = this.speculate(() => {
      this.next();
      let count = 0;
      do {
        if (this.at(")") && count > 0) break;
        this.param(kind, false);
        count++;
        if (!this.at(",") && !this.at(")")) throw this.invalidSyntax();
      } while (this.eat(","));
      return this.expect(")");
    });
    if (close === null) return generic;
    const what = kind === "def" ? "Function parameters" : "Lambda expression parameters";
    return this.errorSpan(`${what} cannot be parenthesized`, open, close);
  }
}
