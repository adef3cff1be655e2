// Sums vitest's per-package "Tests  N passed | M failed" lines from a turbo log into one
// closing line, "tests: N passed, M failed", so CI can read the totals.
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2], "utf8").replace(/\u001b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of text.split("\n")) {
  const m = /^(?:\S*:test:\s+|\S+ test:\s+)?Tests\s+(.*\(\d+\))\s*$/.exec(line.trim());
  if (!m) continue;
  const body = m[1];
  passed += Number(/(\d+) passed/.exec(body)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(body)?.[1] ?? 0);
  skipped += Number(/(\d+) skipped/.exec(body)?.[1] ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
