// Test support: the one CPython every differential test asks. Not part of the package's API.
//
// pyvm reproduces CPython 3.11.7 (its sys.version_info says so), and CPython moved error
// locations and traceback carets between 3.11 patch releases (3.11.2 puts `b'é'`'s error at
// column 9 rather than 5, blames `f(a, *)` on "iterable argument unpacking", draws `(a) + b`'s and
// `a[  1  ]`'s carets differently). A bare "python3" is whatever comes first on PATH, and that
// depends on how the tests were started: `npx -y pnpm@… test` (the CI command) puts the global
// pnpm's bin folder, /usr/bin, ahead of pyenv's shims, so the system's 3.11.2 answered there,
// while `npx vitest run` reached pyenv's 3.11.7. So the oracle is the first python3 (or
// python3.11) on PATH that is CPython 3.11.7, or $PYVM_PYTHON (which must be), and it is run by
// the absolute path of its executable, so neither PATH nor the working folder (pyenv reads
// .python-version files from it) changes which interpreter answers.

import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The CPython release pyvm reproduces, and the only one whose answers the tests accept. */
export const ORACLE_VERSION = "3.11.7";

const PROBE = "import platform, sys; print(platform.python_implementation(), platform.python_version(), sys.executable)";

/** What `command` is: "CPython 3.11.7 /path/to/python3.11", or undefined if it does not run. */
function probe(command: string): { impl: string; version: string; executable: string } | undefined {
  const r = spawnSync(command, ["-c", PROBE], { encoding: "utf8" });
  if (r.status !== 0 || typeof r.stdout !== "string") return undefined;
  const [impl, version, ...rest] = r.stdout.trim().split(" ");
  const executable = rest.join(" ");
  return { impl, version, executable: executable !== "" ? executable : command };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let resolved: string | undefined;

/**
 * The absolute path of the CPython 3.11.7 executable to run oracles with (resolved once per
 * process). Throws if there is none: the differential tests must fail rather than compare pyvm
 * with another release's answers.
 */
export function python(): string {
  if (resolved !== undefined) return resolved;
  const seen: string[] = [];
  const override = process.env.PYVM_PYTHON;
  const candidates =
    override !== undefined && override !== ""
      ? [override]
      : (process.env.PATH ?? "")
          .split(delimiter)
          .filter((dir) => dir !== "")
          .flatMap((dir) => [join(dir, "python3"), join(dir, "python3.11")])
          .filter(isExecutable);
  for (const candidate of candidates) {
    const p = probe(candidate);
    seen.push(`${candidate}: ${p === undefined ? "does not run" : `${p.impl} ${p.version}`}`);
    if (p !== undefined && p.impl === "CPython" && p.version === ORACLE_VERSION) {
      resolved = p.executable;
      return resolved;
    }
  }
  throw new Error(
    `the differential tests need CPython ${ORACLE_VERSION} as python3 on PATH (or its path in PYVM_PYTHON); ` +
      `found:\n${seen.join("\n") || "no python3 at all"}`,
  );
}
