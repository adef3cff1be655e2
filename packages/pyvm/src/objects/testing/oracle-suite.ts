/**
 * Test support (not part of the package's API): the vitest plumbing dict.test.ts and set.test.ts
 * share. Each test file builds every case that needs CPython up front and asks one python3
 * process for all the answers before its tests run ({@link oracleBatch}); each differential test
 * runs cases on a fresh {@link makeTestHost} heap, checks that they leak nothing
 * ({@link withoutLeaks}) and compares the result with CPython's ({@link groupMatches},
 * {@link caseMatches}).
 */
import { beforeAll, expect, it } from "vitest";
import { runOracle, type Case } from "./table-cases.js";
import { makeTestHost, type TestHost } from "./test-host.js";

/** A case with the name its test reports. */
export interface NamedCase<C extends Case> {
  name: string;
  c: C;
}

/** CPython's answer for a case of the batch. */
export type ExpectedOf = (c: Case) => unknown;

/**
 * Register a `beforeAll` that runs `cases` through one python3 process (see runOracle), and return
 * the lookup of each case's answer (valid once the tests run).
 */
export function oracleBatch(cases: readonly Case[]): ExpectedOf {
  let expected: unknown[] = [];
  beforeAll(() => {
    expected = runOracle(cases);
  }, 120_000);
  return (c) => expected[cases.indexOf(c)];
}

/** Run `body` and check that every object it made was freed again (static objects aside). */
export function withoutLeaks<T>(host: TestHost, body: () => T): T {
  const live = host.heap.allocations - host.heap.deallocations;
  const result = body();
  expect(host.heap.allocations - host.heap.deallocations).toBe(live);
  return result;
}

/** One test, `title`, running every case of `cases` on one fresh host: no leaks, CPython's answer each. */
export function groupMatches<C extends Case>(title: string, cases: readonly NamedCase<C>[], expectedOf: ExpectedOf, run: (host: TestHost, c: C) => unknown): void {
  it(title, () => {
    const host = makeTestHost();
    for (const { name, c } of cases) {
      const got = withoutLeaks(host, () => run(host, c));
      expect(got, name).toEqual(expectedOf(c));
    }
  });
}

/** One test, `title`, running case `c` on a fresh host: no leaks, and CPython's answer. */
export function caseMatches<C extends Case>(title: string, c: C, expectedOf: ExpectedOf, run: (host: TestHost, c: C) => unknown): void {
  it(title, () => {
    const host = makeTestHost();
    const got = withoutLeaks(host, () => run(host, c));
    expect(got).toEqual(expectedOf(c));
  });
}
