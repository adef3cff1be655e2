/**
 * The published packages work outside the workspace. Packs @immortal/heap, @immortal/strategies
 * and every strategy package with `pnpm pack` (its prepack builds dist/), installs all tarballs in
 * one offline npm install into a scratch directory under the OS temp dir, and runs a plain-node
 * ESM script there that imports every package by name. No source condition, no workspace links:
 * a broken `exports` map, a `files` list that leaves out dist/, or a workspace-only dependency
 * makes this fail.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { STRATEGY_NAMES, strategyInfo, type StrategyName } from "@immortal/strategies";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const PACKAGES_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** The npm package that provides each strategy (the baseline lives in the heap). */
function packageOf(name: StrategyName): string {
  return name === "baseline" ? "@immortal/heap" : `@immortal/strategy-${name.replaceAll(".", "-")}`;
}

/** Workspace folders to pack: the heap, the registry, and one per strategy package. */
const FOLDERS = ["heap", "strategies", ...STRATEGY_NAMES.filter((n) => n !== "baseline").map((n) => `strategy-${n.replaceAll(".", "-")}`)];
const PACKAGE_NAMES = ["@immortal/heap", "@immortal/strategies", ...STRATEGY_NAMES.filter((n) => n !== "baseline").map(packageOf)];

/** Child-process environment without the npm_* variables a parent pnpm or npm run sets (they would configure the inner npm). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")));
}

/**
 * The script the scratch install runs with plain `node`. For each strategy: build it from its own
 * package and from the registry, keep one mortal object at refcount 2, immortalize a fresh one,
 * and print one JSON line.
 */
const SCRIPT = `
import { Heap, BaselineStrategy } from "@immortal/heap";
import heapManifest from "@immortal/heap/package.json" with { type: "json" };
import { STRATEGY_NAMES, createStrategy } from "@immortal/strategies";

const packages = ${JSON.stringify(Object.fromEntries(STRATEGY_NAMES.map((n) => [n, packageOf(n)])))};
for (const name of STRATEGY_NAMES) {
  const own = name === "baseline" ? new BaselineStrategy() : (await import(packages[name])).createStrategy();
  const heap = new Heap({ strategy: own });
  const leaf = heap.registerType({ name: "leaf", basicSize: 8 });
  const mortal = heap.allocate(leaf.id);
  heap.incref(mortal);
  const fresh = heap.allocate(leaf.id);
  const immortalize = heap.immortalize(fresh);
  console.log(JSON.stringify({
    name,
    heapVersion: heapManifest.version,
    ownInfo: own.info.name,
    registryInfo: createStrategy(name).info.name,
    mortal: String(heap.refcount(mortal)),
    immortalize,
    immortal: heap.isImmortal(fresh),
    refcount: String(heap.refcount(fresh)),
  }));
}
`;

interface ScriptLine {
  name: string;
  heapVersion: string;
  ownInfo: string;
  registryInfo: string;
  mortal: string;
  immortalize: 0 | 1;
  immortal: boolean;
  refcount: string;
}

describe("packed tarballs installed outside the workspace", () => {
  let scratch = "";
  let lines: ScriptLine[] = [];

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "immortal-pack-"));
    const tarballs = join(scratch, "tarballs");
    const app = join(scratch, "app");
    mkdirSync(tarballs);
    mkdirSync(app);
    // Pack a few at a time: each prepack is a tsc build.
    const queue = [...FOLDERS];
    const worker = async (): Promise<void> => {
      for (let folder = queue.shift(); folder !== undefined; folder = queue.shift()) {
        await run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(PACKAGES_DIR, folder), env: cleanEnv() });
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const files = readdirSync(tarballs).filter((f) => f.endsWith(".tgz"));
    expect(files).toHaveLength(FOLDERS.length);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "immortal-pack-check", private: true, type: "module" }, null, 2));
    // One install for every tarball, so the strategies' "@immortal/heap": "^0.1.0" resolves to the heap tarball.
    await run("npm", ["install", "--offline", "--no-audit", "--no-fund", ...files.map((f) => join(tarballs, f))], {
      cwd: app,
      env: cleanEnv(),
    });
    writeFileSync(join(app, "check.mjs"), SCRIPT);
    const { stdout } = await run(process.execPath, ["check.mjs"], { cwd: app, env: cleanEnv() });
    lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as ScriptLine);
  }, 240_000);

  afterAll(() => {
    if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
  });

  it.each(PACKAGE_NAMES)("%s ships the files its exports map and manifest name, and no tests or sources", (pkg) => {
    const root = join(scratch, "app", "node_modules", ...pkg.split("/"));
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      exports: Record<string, string | Record<string, string>>;
      main: string;
      types: string;
      dependencies?: Record<string, string>;
    };
    const targets = [manifest.main, manifest.types];
    for (const entry of Object.values(manifest.exports)) {
      if (typeof entry === "string") targets.push(entry);
      // The source condition points into src/, which is deliberately not published.
      else for (const [condition, target] of Object.entries(entry)) if (condition !== "@immortal/source") targets.push(target);
    }
    for (const target of targets) expect(existsSync(join(root, target)), `${pkg}: ${target}`).toBe(true);
    expect(existsSync(join(root, "README.md")), `${pkg}: README.md`).toBe(true);
    expect(existsSync(join(root, "LICENSE")), `${pkg}: LICENSE`).toBe(true);
    expect(existsSync(join(root, "src")), `${pkg}: src/ is not published`).toBe(false);
    const shipped = readdirSync(join(root, "dist"), { recursive: true }).map(String);
    expect(shipped.filter((f) => /\.test\./.test(f)), `${pkg}: compiled tests in dist`).toEqual([]);
    for (const range of Object.values(manifest.dependencies ?? {})) expect(range, `${pkg}: dependency range`).not.toMatch(/^workspace:/);
  });

  it("a plain-node script imports every package by name and runs every strategy", () => {
    expect(lines.map((l) => l.name)).toEqual([...STRATEGY_NAMES]);
  });

  it.each(STRATEGY_NAMES)("%s: refcounts and immortalize through the installed packages", (name) => {
    const line = lines.find((l) => l.name === name);
    expect(line).toBeDefined();
    const info = strategyInfo(name);
    expect(line!.heapVersion).toBe("0.1.0");
    expect(line!.ownInfo).toBe(name);
    expect(line!.registryInfo).toBe(name);
    expect(line!.mortal).toBe("2");
    // Only strategies that mark single objects immortalize a fresh leaf; the refcount it then shows is INFO's.
    if (info.granularity === "object") {
      expect(line!).toMatchObject({ immortalize: 1, immortal: true, refcount: String(info.immortalRefcount) });
    } else {
      expect(line!).toMatchObject({ immortalize: 0, immortal: false, refcount: "1" });
    }
  });
});
