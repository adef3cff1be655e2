import { Heap } from "@immortal/heap";
import { createStrategy, STRATEGY_NAMES } from "@immortal/strategies";
import { describe, expect, it } from "vitest";
import { heapPairs, pairsPerWalk, rawPairs } from "./loops.js";
import { buildMix, DEFAULT_MIX } from "./mix.js";
import { formatMicroTable, targetFor, type MicroRow } from "./run.js";
import { measureSubject } from "./worker.js";

describe("the object mix", () => {
  it("is the same in every process: same handles, same sites", () => {
    const a = buildMix(new Heap({ strategy: createStrategy("baseline") }));
    const b = buildMix(new Heap({ strategy: createStrategy("cpython-3.12") }));
    expect(Array.from(a.items)).toEqual(Array.from(b.items));
    expect(Array.from(a.locals)).toEqual(Array.from(b.locals));
    expect(pairsPerWalk(a)).toBe(4 * DEFAULT_MIX.perSite);
  });

  it.each(STRATEGY_NAMES)("%s: a walk leaves every count as it was", (name) => {
    const heap = new Heap({ strategy: createStrategy(name) });
    const mix = buildMix(heap);
    const before = Array.from(mix.objects, (o) => heap.refcount(o));
    heapPairs(heap, mix);
    expect(Array.from(mix.objects, (o) => heap.refcount(o))).toEqual(before);
  });

  it("the raw loop touches the same words and leaves them unchanged", () => {
    const heap = new Heap({ strategy: createStrategy("baseline") });
    const mix = buildMix(heap);
    const counts = new Uint32Array(heap.mem.u32);
    const copy = counts.slice();
    rawPairs(counts, mix);
    expect(Buffer.compare(Buffer.from(counts.buffer), Buffer.from(copy.buffer))).toBe(0);
  });

  it("statics are immortal where the strategy can make them so", () => {
    const immortalShare = (name: string) => {
      const heap = new Heap({ strategy: createStrategy(name) });
      const mix = buildMix(heap);
      return mix.immortal.reduce((a, b) => a + b, 0) / mix.objects.length;
    };
    expect(immortalShare("baseline")).toBe(0);
    expect(immortalShare("cpython-3.12")).toBe(0.25);
  });
});

describe("a measurement process", () => {
  it("reports throughput and the immortal share of the traffic", async () => {
    const s = await measureSubject("cpython-3.12", 20, 5);
    expect(s.subject).toBe("cpython-3.12");
    expect(s.pairsPerSecond).toBeGreaterThan(0);
    expect(s.samples).toBeGreaterThan(0);
    expect(s.immortalTraffic).toBeGreaterThan(0.25);
    expect(s.immortalTraffic).toBeLessThan(1);
  });
});

describe("the report", () => {
  it("has a target only for strategies", () => {
    expect(targetFor("raw")).toBeNull();
    expect(targetFor("baseline")).toBe(0.95);
    expect(targetFor("pyston")).toBe(0.75);
  });

  it("formats rows as an aligned table", () => {
    const row = (subject: string, ratio: number): MicroRow => ({
      subject,
      pairsPerSecond: 1e8 * ratio,
      ratioToRaw: ratio,
      ratioMin: ratio - 0.01,
      ratioMax: ratio + 0.01,
      rsd: 0.02,
      immortalTraffic: 0.5,
      samples: [],
    });
    expect(formatMicroTable([row("raw", 1), row("baseline", 0.9)])).toBe(
      [
        "subject   pairs/s  ±mad  immortal%  vs raw      range        target",
        "--------  -------  ----  ---------  ------  ---------  ------------",
        "raw       100.0 M  2.0%        50%   1.000  0.99–1.01              ",
        "baseline   90.0 M  2.0%        50%   0.900  0.89–0.91  ≥0.95 MISSED",
      ].join("\n"),
    );
  });
});
