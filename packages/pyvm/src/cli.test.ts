/**
 * The `pyvm` command line: runs `main` in-process on small programs written to a temporary folder
 * and asserts exit statuses and output exactly (the expected tracebacks and syntax-error reports
 * are CPython 3.11's for the same files); runs the built `dist/cli.js` once when it is present.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { HeapStats } from "@immortal/heap";
import { afterAll, describe, expect, it } from "vitest";
import { exitStatus, formatStats, main, parseBytes } from "./cli.js";
import { opcodeTableMarkdown } from "./vm/opcode-table.js";

const dir = mkdtempSync(join(tmpdir(), "pyvm-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write a program into the temporary folder; returns its absolute path. */
function program(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

/** Run the CLI in-process, capturing what it writes. */
function cli(...argv: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const status = main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { status, stdout, stderr };
}

const hello = program("hello.py", 'print("hello")\nfor i in range(3):\n    print(i, i * i)\n');
const failing = program("failing.py", 'def f(x):\n    raise ValueError(f"bad value {x!r}")\nprint("before")\nf("z")\n');
const exits = program("exits.py", 'print("bye")\nraise SystemExit(3)\n');
const exitsWithMessage = program("exits_msg.py", 'raise SystemExit("stopped")\n');
const bad = program("bad.py", "x = (1,\ny = 2\n");
const loop = program("loop.py", "while True:\n    pass\n");
const recursive = program("recursive.py", "def f(n):\n    return f(n + 1)\nf(0)\n");
const importer = program("importer.py", "import helper\nprint(helper.twice(21))\n");
program("helper.py", "def twice(x):\n    return 2 * x\n");

describe("pyvm run", () => {
  it("prints the program's output and exits 0", () => {
    expect(cli("run", hello)).toEqual({ status: 0, stdout: "hello\n0 0\n1 1\n2 4\n", stderr: "" });
  });

  it("prints an uncaught exception's traceback on stderr and exits 1", () => {
    expect(cli("run", failing)).toEqual({
      status: 1,
      stdout: "before\n",
      stderr: [
        "Traceback (most recent call last):",
        `  File "${failing}", line 4, in <module>`,
        '    f("z")',
        `  File "${failing}", line 2, in f`,
        '    raise ValueError(f"bad value {x!r}")',
        "ValueError: bad value 'z'",
        "",
      ].join("\n"),
    });
  });

  it("exits with SystemExit's code; a non-integer code is printed and exits 1", () => {
    expect(cli("run", exits)).toEqual({ status: 3, stdout: "bye\n", stderr: "" });
    expect(cli("run", exitsWithMessage)).toEqual({ status: 1, stdout: "", stderr: "stopped\n" });
  });

  it("reports a SyntaxError in CPython's format and exits 1", () => {
    expect(cli("run", bad)).toEqual({
      status: 1,
      stdout: "",
      stderr: `  File "${bad}", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n`,
    });
  });

  it("imports modules from the program's folder", () => {
    expect(cli("run", importer)).toEqual({ status: 0, stdout: "42\n", stderr: "" });
  });

  it("stops a program at --step-budget and exits 1", () => {
    const r = cli("run", loop, "--step-budget", "5000");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^pyvm: .*5000/);
  });

  it("stops a runaway native loop at --step-budget too", () => {
    const native = program("native_loop.py", 'print("start")\nprint(sum(range(10**12)))\n');
    expect(cli("run", native, "--step-budget", "5000")).toEqual({
      status: 1,
      stdout: "start\n",
      stderr: "pyvm: the program exceeded its step budget of 5000 steps (loop iterations and calls)\n",
    });
  });

  it("raises RecursionError at --recursion-limit", () => {
    const r = cli("run", recursive, "--recursion-limit", "50");
    expect(r.status).toBe(1);
    expect(r.stderr.startsWith(`Traceback (most recent call last):\n  File "${recursive}", line 3, in <module>\n`)).toBe(true);
    expect(r.stderr.endsWith("RecursionError: maximum recursion depth exceeded\n")).toBe(true);
  });

  it("cannot open a missing file: exit 2", () => {
    const missing = join(dir, "missing.py");
    expect(cli("run", missing)).toEqual({
      status: 2,
      stdout: "",
      stderr: `pyvm: can't open file '${missing}': [Errno 2] No such file or directory\n`,
    });
  });
});

describe("--stats", () => {
  const statsOf = (stderr: string): Map<string, number> => {
    const rows = new Map<string, number>();
    for (const line of stderr.split("\n").slice(1)) {
      const m = /^ {2}(.+?) {2,}([\d,]+)/.exec(line);
      if (m !== null) rows.set(m[1].trim(), Number(m[2].replace(/,/g, "")));
    }
    return rows;
  };

  it("prints the heap counters after the run, the output unchanged", () => {
    const r = cli("run", hello, "--stats", "--strategy", "baseline");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("hello\n0 0\n1 1\n2 4\n");
    expect(r.stderr.split("\n")[0]).toBe("pyvm heap stats (strategy baseline; counts exclude interpreter start-up)");
    const rows = statsOf(r.stderr);
    expect([...rows.keys()]).toEqual([
      "incref calls",
      "decref calls",
      "stores to immortal refcounts",
      "stores to mortal refcounts",
      "allocations",
      "deallocations",
      "peak bytes",
      "live objects",
      "GC collections",
    ]);
    expect(rows.get("incref calls")).toBeGreaterThan(0);
    expect(rows.get("decref calls")).toBeGreaterThan(0);
    // The baseline has no immortal objects: every refcount store is to a mortal count.
    expect(rows.get("stores to immortal refcounts")).toBe(0);
    expect(rows.get("stores to mortal refcounts")).toBeGreaterThan(0);
  });

  it("shows where a strategy writes immortal refcounts, and --no-immortal removes them", () => {
    // Pyston's increments still store to immortal counts; with no immortal objects, nothing does.
    const pyston = statsOf(cli("run", hello, "--stats", "--strategy", "pyston").stderr);
    expect(pyston.get("stores to immortal refcounts")).toBeGreaterThan(0);
    const none = statsOf(cli("run", hello, "--stats", "--strategy", "pyston", "--no-immortal").stderr);
    expect(none.get("stores to immortal refcounts")).toBe(0);
    // CPython 3.12 checks before it stores: its increfs and decrefs never write immortal counts
    // (only marking an object immortal stores to it, even when it already is).
    const cp312 = statsOf(cli("run", hello, "--stats", "--strategy", "cpython-3.12").stderr);
    expect(cp312.get("stores to immortal refcounts")).toBeLessThan(pyston.get("stores to immortal refcounts")! / 10);
  });

  it("formats the table aligned, counting only the run", () => {
    const stats = (increfs: number, allocations: number, collections: [number, number, number]): HeapStats =>
      ({
        allocations,
        deallocations: allocations - 10,
        liveObjects: 12345,
        memory: { peakBytes: 1048576 },
        gc: { collections },
        refcounts: { increfs, decrefs: increfs - 1 },
        writes: { refcountStoresImmortal: 7, refcountStoresMortal: increfs * 2 },
      }) as unknown as HeapStats;
    expect(formatStats("sentinel", stats(100, 50, [1, 0, 0]), stats(1234567, 1050, [4, 1, 0]))).toBe(
      [
        "pyvm heap stats (strategy sentinel; counts exclude interpreter start-up)",
        "  incref calls                  1,234,467",
        "  decref calls                  1,234,467",
        "  stores to immortal refcounts          0",
        "  stores to mortal refcounts    2,468,934",
        "  allocations                       1,000",
        "  deallocations                     1,000",
        "  peak bytes                    1,048,576",
        "  live objects                     12,345",
        "  GC collections                        4 (gen0 3, gen1 1, gen2 0)",
        "",
      ].join("\n"),
    );
  });
});

describe("arguments", () => {
  it("prints help with --help and exits 0", () => {
    const top = cli("--help");
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/^Usage: pyvm \[options\] \[command\]/);
    expect(top.stdout).toContain("run [options] <file> [args...]");
    const run = cli("run", "--help");
    expect(run.status).toBe(0);
    for (const flag of ["--strategy <name>", "--stats", "--recursion-limit <n>", "--step-budget <n>", "--max-heap <bytes>", "--no-immortal"]) {
      expect(run.stdout).toContain(flag);
    }
  });

  it.each([
    [["run", hello, "--strategy", "nonsense"], /unknown strategy "nonsense"/],
    [["run", hello, "--recursion-limit", "0"], /expected a positive integer/],
    [["run", hello, "--step-budget", "many"], /expected a positive integer/],
    [["run", hello, "--max-heap", "lots"], /expected a byte count/],
    [["run", hello, "--frobnicate"], /unknown option '--frobnicate'/],
    [["run"], /missing required argument 'file'/],
    [["walk", hello], /unknown command 'walk'/],
  ])("%j prints a usage message and exits 2", (argv, message) => {
    const r = cli(...argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: pyvm/);
  });

  it("with no command prints the usage on stderr and exits 2", () => {
    const r = cli();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Usage: pyvm/);
  });

  it("parses byte counts with k, M and G suffixes", () => {
    expect([parseBytes("4096"), parseBytes("64k"), parseBytes("256M"), parseBytes("1G")]).toEqual([4096, 65536, 268435456, 1073741824]);
  });

  it("maps results to exit statuses as the operating system would", () => {
    expect(exitStatus({ status: "ok" })).toBe(0);
    expect(exitStatus({ status: "exit", code: 256 + 7 })).toBe(7);
    expect(exitStatus({ status: "exit", code: -1 })).toBe(255);
    expect(exitStatus({ status: "step-budget", steps: 10 })).toBe(1);
  });
});

describe("pyvm opcodes", () => {
  it("prints the per-opcode table", () => {
    expect(cli("opcodes")).toEqual({ status: 0, stdout: opcodeTableMarkdown(), stderr: "" });
  });
});

describe("the built CLI", () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, "..", "dist", "cli.js");
  it("runs as `node dist/cli.js` with the same output and exit statuses", () => {
    // The workspace's test command builds first; a build older than this source would test old code.
    const fresh = existsSync(built) && statSync(built).mtimeMs >= statSync(join(here, "cli.ts")).mtimeMs;
    expect(fresh, `${built} is missing or older than src/cli.ts: build first (pnpm build)`).toBe(true);
    const inProcess = [cli("run", hello), cli("run", failing), cli("run", exits)];
    expect(inProcess.map((r) => r.status)).toEqual([0, 1, 3]);
    expect(execFileSync(process.execPath, [built, "run", hello], { encoding: "utf8" })).toBe(inProcess[0].stdout);
    for (const [file, r] of [[failing, inProcess[1]], [exits, inProcess[2]]] as const) {
      const child = spawnSync(process.execPath, [built, "run", file], { encoding: "utf8" });
      expect({ status: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual(r);
    }
    expect(spawnSync(process.execPath, [built, "run", hello, "--bogus"], { encoding: "utf8" }).status).toBe(2);
  });
});
