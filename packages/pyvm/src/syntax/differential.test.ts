// Differential tests against CPython 3.11.7: every valid fixture must dump
// exactly like ast.dump (with and without positions), every invalid fixture
// must raise the same error, at the same place, printed the same way, and so
// must random one-token mutations of the valid fixtures. python3 is run once
// per group (see test-fixtures/syntax/oracle.py).

import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { python } from "../testing/python.js";
import { dump, parse, PySyntaxError } from "./index.js";

const FIXTURES = fileURLToPath(new URL("../../test-fixtures/syntax/", import.meta.url));
const ORACLE = join(FIXTURES, "oracle.py");

// The oracle is CPython 3.11.7 (see ../testing/python.ts; other 3.11 releases place some errors
// elsewhere); without it python() throws and these tests fail, not pass vacuously.
const PYTHON = python();

function fixtures(kind: "valid" | "invalid"): string[] {
  return readdirSync(join(FIXTURES, kind))
    .filter((f) => f.endsWith(".py"))
    .sort();
}

/** Runs the oracle once over all files of a fixture folder (cwd = that folder). */
function oracle<T>(mode: "ast" | "errors", dir: string, files: string[]): Record<string, T> {
  const r = spawnSync(PYTHON, [ORACLE, mode, ...files], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, T>;
}

interface AstResult {
  dump?: string;
  attrs?: string;
  error?: unknown[];
}
interface ErrorResult {
  ok?: boolean;
  /** [type, msg, lineno, offset, end_lineno, end_offset] */
  error?: [string, string, number, number, number | null, number | null];
  format?: string;
}

describe("valid programs dump exactly like CPython's ast.dump", () => {
  const dir = join(FIXTURES, "valid");
  const files = fixtures("valid");
  const expected = oracle<AstResult>("ast", dir, files);

  it("has at least 80 fixtures, all accepted by CPython", () => {
    expect(files.length).toBeGreaterThanOrEqual(80);
    for (const f of files) expect(expected[f]?.error, f).toBeUndefined();
  });

  it.each(files)("%s", (file) => {
    const tree = parse(readFileSync(join(dir, file), "utf8"), file);
    expect(dump(tree)).toBe(expected[file].dump);
    expect(dump(tree, { includeAttributes: true })).toBe(expected[file].attrs);
  });
});

describe("invalid programs raise CPython's SyntaxError", () => {
  const dir = join(FIXTURES, "invalid");
  const files = fixtures("invalid");
  const expected = oracle<ErrorResult>("errors", dir, files);

  it("has at least 40 fixtures, all rejected by CPython", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const f of files) expect(expected[f]?.ok, f).toBeUndefined();
  });

  it.each(files)("%s", (file) => {
    const want = expected[file].error;
    if (want === undefined) throw new Error(`CPython accepted ${file}`);
    let err: unknown;
    try {
      parse(readFileSync(join(dir, file), "utf8"), file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PySyntaxError);
    const e = err as PySyntaxError;
    const [kind, msg, lineno, offset, endLineno, endOffset] = want;
    expect(e.kind).toBe(kind);
    expect(e.lineno).toBe(lineno);
    expect(e.msg).toBe(msg);
    expect(e.offset).toBe(offset);
    expect(e.endLineno).toBe(endLineno ?? lineno);
    // CPython leaves end_offset unset for a few errors; we store 0 then.
    expect(e.endOffset).toBe(endOffset ?? 0);
    expect(e.format()).toBe(expected[file].format);
    expect(e.location).toBe(`${file}:${lineno}:${offset}`);
  });
});

describe("random one-token mutations raise CPython's SyntaxError", () => {
  const dir = join(FIXTURES, "valid");
  const files = fixtures("valid");
  const SEEDS = [1, 2, 3, 4, 5];
  const PER_SEED = 200;
  interface Mutant {
    source: string;
    error: [string, string, number, number, number | null, number | null];
  }

  it.each(SEEDS)("seed %i", (seed) => {
    const r = spawnSync(PYTHON, [ORACLE, "mutants", String(seed), String(PER_SEED), ...files], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
    const mutants = JSON.parse(r.stdout) as Mutant[];
    expect(mutants).toHaveLength(PER_SEED);
    const mismatches: string[] = [];
    for (const m of mutants) {
      let got: unknown[] = ["no error"];
      try {
        parse(m.source, "m.py");
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw e;
        got = [e.kind, e.msg, e.lineno, e.offset];
      }
      // compile() of a string reports multi-line end columns differently
      // from a file, so only the start of the error is compared here.
      const want = m.error.slice(0, 4);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(`${JSON.stringify(want)} != ${JSON.stringify(got)}\n${m.source.split("\n")[m.error[2] - 1]}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
