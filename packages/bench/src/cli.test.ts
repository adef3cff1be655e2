import { describe, expect, it, vi } from "vitest";
import { main } from "./cli.js";

/** Run the CLI in-process, capturing what commander writes. */
async function cli(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const status = await main(args);
    return { status, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("immortal-bench arguments", () => {
  it("rejects an unknown strategy with a usage message and status 2", async () => {
    const r = await cli(["micro", "--strategies", "nope"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain('unknown strategy "nope"');
    expect(r.err).toContain("Usage: immortal-bench micro");
  });

  it("rejects a non-numeric round count", async () => {
    const r = await cli(["micro", "--rounds", "two"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("expected a positive integer");
  });

  it("rejects an unknown option", async () => {
    const r = await cli(["micro", "--fast"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("unknown option '--fast'");
  });

  it("prints help with status 0", async () => {
    const r = await cli(["--help"]);
    expect(r.status).toBe(0);
    expect(r.out).toContain("Usage: immortal-bench");
  });
});
