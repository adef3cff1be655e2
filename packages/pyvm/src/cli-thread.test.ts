/**
 * `pyvm run` as a command, on its interpreter thread (cli-thread.ts): the CLI is compiled from the
 * current sources into a private folder (never a stale dist/), then spawned as `node cli.js run
 * FILE`. Deep recursion must work up to the recursion limit, including limits raised at run time;
 * RecursionError must come out as CPython prints it, at the configured depth or, when the limit is
 * beyond the thread's stack, from the JS stack itself; output order and exit statuses must be those
 * of CPython 3.11 (expected texts are python3's for the same files, with PYTHONUNBUFFERED=1).
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STACK_BYTES_PER_FRAME, STACK_CAP_MB, STACK_FLOOR_MB, stackSizeMbFor } from "./cli-thread.js";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
// Inside the package, so that the compiled CLI resolves @immortal/* through its node_modules.
const build = join(pkg, "node_modules", ".cache", "pyvm-cli-thread-test");
const cliJs = join(build, "cli.js");
const dir = mkdtempSync(join(tmpdir(), "pyvm-cli-thread-"));

beforeAll(() => {
  rmSync(build, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  // Emit only: type errors are the typecheck's business, and other files may be mid-edit.
  const r = spawnSync(
    process.execPath,
    [tsc, "-p", join(pkg, "tsconfig.build.json"), "--outDir", build, "--noCheck", "--declaration", "false", "--declarationMap", "false", "--sourceMap", "false"],
    { encoding: "utf8" },
  );
  if (!existsSync(cliJs)) throw new Error(`could not compile the CLI:\n${r.stdout}${r.stderr}`);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(build, { recursive: true, force: true });
});

/** Write a program into the temporary folder; returns its absolute path. */
function program(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

/** Run the compiled CLI as a command. `stackMb` sets PYVM_STACK_MB (the thread's stack). */
function pyvm(args: string[], stackMb?: number): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.PYVM_STACK_MB;
  if (stackMb !== undefined) env.PYVM_STACK_MB = String(stackMb);
  const r = spawnSync(process.execPath, [cliJs, ...args], { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const countdown = (n: number, limit?: number) =>
  `${limit === undefined ? "" : `import sys\nsys.setrecursionlimit(${limit})\n`}def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(${n}))\n`;

/**
 * Recursion of four kinds, N deep (argv[1]; argv[2] raises the limit): a plain function, which the
 * eval loop may run without recursing in JS, and three that pass through native code at every
 * level (a `yield from` chain, map(), a property getter building an instance), which recurse in
 * JS. CPython 3.11 runs each of them 900 deep under its default limit and 5000 deep under 6000.
 */
const FOUR_KINDS = `import sys
N = int(sys.argv[1])
if len(sys.argv) > 2:
    sys.setrecursionlimit(int(sys.argv[2]))
def chain(n):
    if n:
        yield from chain(n - 1)
    else:
        yield "bottom"
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
def m(n):
    return [0] if n == 0 else list(map(m, [n - 1]))
class P:
    def __init__(self, n): self.n = n
    @property
    def depth(self):
        return 0 if self.n == 0 else 1 + P(self.n - 1).depth
print(next(chain(N)), f(N), m(N) is not None, P(N).depth)
`;

/** One traceback entry as CPython prints it; `caret` is the underline, absent when the call is the whole line. */
const entry = (path: string, line: number, func: string, code: string, caret?: string) =>
  [`  File "${path}", line ${line}, in ${func}`, `    ${code}`, ...(caret === undefined ? [] : [`    ${caret}`])];

/** CPython's report of an endless recursion: `first` (the module's entry, if shown), three `frame`s, `repeated` more. */
function endlessTraceback(first: string[], frame: string[], repeated: number): string {
  return ["Traceback (most recent call last):", ...first, ...frame, ...frame, ...frame, `  [Previous line repeated ${repeated} more times]`, "RecursionError: maximum recursion depth exceeded", ""].join("\n");
}

describe("the interpreter thread's stack", () => {
  it("is sized from the recursion limit, between a floor and a cap", () => {
    const GiB = 1024 ** 3;
    expect(stackSizeMbFor(1000, 64 * GiB)).toBe(STACK_FLOOR_MB);
    const big = 100_000;
    expect(stackSizeMbFor(big, 64 * GiB)).toBe(Math.ceil((big * STACK_BYTES_PER_FRAME) / 2 ** 20) + 16);
    expect(stackSizeMbFor(10 ** 6, 64 * GiB)).toBe(STACK_CAP_MB);
    // Never more than a quarter of the machine's memory.
    expect(stackSizeMbFor(10 ** 6, 2 * GiB)).toBe(512);
    expect(stackSizeMbFor(1000, 512 * 2 ** 20)).toBe(128);
  });
});

describe("pyvm run: deep recursion", () => {
  const kinds = program("kinds.py", FOUR_KINDS);

  it("recurses 900 deep under the default limit (1000), as CPython does", () => {
    expect(pyvm(["run", kinds, "900"])).toEqual({ status: 0, stdout: "bottom 900 True 900\n", stderr: "" });
  });

  it("falls back to a smaller stack when the thread cannot have the one asked for", () => {
    // 100 TB of address space is refused (ERR_WORKER_INIT_FAILED); 64 MiB is then enough for 900.
    expect(pyvm(["run", kinds, "900"], 100_000_000)).toEqual({ status: 0, stdout: "bottom 900 True 900\n", stderr: "" });
  });

  it("recurses 5000 deep once the limit is raised, by sys.setrecursionlimit or --recursion-limit", () => {
    expect(pyvm(["run", kinds, "5000", "6000"])).toEqual({ status: 0, stdout: "bottom 5000 True 5000\n", stderr: "" });
    expect(pyvm(["run", kinds, "5000", "--recursion-limit", "6000"])).toEqual({ status: 0, stdout: "bottom 5000 True 5000\n", stderr: "" });
    // Without the raised limit, the first kind stops at the default one.
    const r = pyvm(["run", kinds, "5000"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.endsWith("  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n")).toBe(true);
  });

  it("recurses 50000 deep when the program raises its limit to 100000 at run time", () => {
    expect(pyvm(["run", program("d50000.py", countdown(50_000, 100_000))])).toEqual({ status: 0, stdout: "50000\n", stderr: "" });
  });

  it("ends endless recursion with CPython's RecursionError report and exit status 1", () => {
    const path = program("endless.py", 'def f(n):\n    return f(n + 1)\nprint("start")\nf(0)\n');
    const first = entry(path, 4, "<module>", "f(0)");
    const frame = entry(path, 2, "f", "return f(n + 1)", "       ^^^^^^^^");
    expect(pyvm(["run", path])).toEqual({ status: 1, stdout: "start\n", stderr: endlessTraceback(first, frame, 996) });
    // The limit counts the module's frame: 50 − 1 − the three frames shown.
    expect(pyvm(["run", path, "--recursion-limit", "50"])).toEqual({ status: 1, stdout: "start\n", stderr: endlessTraceback(first, frame, 46) });
  });

  it("raises RecursionError from the JS stack when the limit is beyond it (10**6), in CPython's format", () => {
    // Each level passes through native code (the class call), so each recurses in JS: a 32 MiB
    // stack ends the recursion after some 10,000 levels. The report shows the last 1000 entries,
    // as CPython's does.
    const path = program("huge.py", 'import sys\nsys.setrecursionlimit(10**6)\nclass C:\n    def __init__(self, n):\n        C(n + 1)\nprint("start")\nC(0)\n');
    expect(pyvm(["run", path], 32)).toEqual({ status: 1, stdout: "start\n", stderr: endlessTraceback([], entry(path, 5, "__init__", "C(n + 1)"), 997) });
  });

  it("turns a JS stack overflow inside native code into a RecursionError the program can catch", () => {
    const path = program(
      "native.py",
      [
        "import sys",
        "sys.setrecursionlimit(10**6)",
        "deep = []",
        "for i in range(10**6):",
        "    deep = [deep]",
        "for what, fn in [('repr', repr), ('str', str), ('==', lambda v: v == [v])]:",
        "    try:",
        "        fn(deep)",
        "    except RecursionError as e:",
        "        print(what, type(e).__name__)",
        "def key(v, n=0):",
        "    return key(v, n + 1)",
        "try:",
        "    sorted([3, 1, 2], key=key)",
        "except RecursionError as e:",
        "    print('sorted', type(e).__name__)",
        "x = [1, 2]",
        "x.append(x)",
        "print(repr(x), sorted([3, 1, 2], key=lambda v: -v))",
        "",
      ].join("\n"),
    );
    expect(pyvm(["run", path], 32)).toEqual({
      status: 0,
      stdout: "repr RecursionError\nstr RecursionError\n== RecursionError\nsorted RecursionError\n[1, 2, [...]] [3, 2, 1]\n",
      stderr: "",
    });
  });
});

describe("pyvm run on its thread: output and exit statuses", () => {
  it("keeps stdout and stderr in CPython's order on a shared descriptor, and SystemExit's status", () => {
    const path = program(
      "mixed.py",
      'import sys\nfor i in range(3):\n    print("out", i)\n    print("err", i, file=sys.stderr)\nprint("x" * 70000)\nprint("tail")\nraise SystemExit(3)\n',
    );
    const outFile = join(dir, "mixed.txt");
    const fd = openSync(outFile, "w");
    let status: number | null;
    try {
      status = spawnSync(process.execPath, [cliJs, "run", path], { stdio: ["ignore", fd, fd] }).status;
    } finally {
      closeSync(fd);
    }
    expect(status).toBe(3);
    expect(readFileSync(outFile, "utf8")).toBe(`out 0\nerr 0\nout 1\nerr 1\nout 2\nerr 2\n${"x".repeat(70000)}\ntail\n`);
  });

  it("writes long output completely, and reports uncaught exceptions and --stats on stderr", () => {
    const lines = program("lines.py", "for i in range(200000):\n    print(i)\n");
    const r = pyvm(["run", lines]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(Array.from({ length: 200000 }, (_, i) => `${i}\n`).join(""));
    const failing = program("failing.py", 'print("before")\nraise ValueError("bad")\n');
    expect(pyvm(["run", failing])).toEqual({
      status: 1,
      stdout: "before\n",
      stderr: `Traceback (most recent call last):\n  File "${failing}", line 2, in <module>\n    raise ValueError("bad")\nValueError: bad\n`,
    });
    const stats = pyvm(["run", failing, "--stats"]);
    expect(stats.status).toBe(1);
    expect(stats.stderr).toMatch(/ValueError: bad\npyvm heap stats \(strategy cpython-3\.12; counts exclude interpreter start-up\)\n {2}incref calls/);
  });

  it("handles arguments, help and missing files on the main thread with the same statuses", () => {
    expect(pyvm(["run", program("ok.py", "print('ok')\n"), "--frobnicate"]).status).toBe(2);
    const help = pyvm(["run", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pyvm run \[options\] <file> \[args\.\.\.\]/);
    const missing = join(dir, "missing.py");
    expect(pyvm(["run", missing])).toEqual({ status: 2, stdout: "", stderr: `pyvm: can't open file '${missing}': [Errno 2] No such file or directory\n` });
  });
});
