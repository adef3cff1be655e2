import { BaselineStrategy } from "@immortal/heap";
import { describe, expect, it } from "vitest";
import { Runtime } from "./runtime.js";
import { seqSize } from "./seq-layout.js";

const make = () => new Runtime({ strategy: new BaselineStrategy() });

describe("Runtime core objects", () => {
  it("round-trips ints of every size through the heap", () => {
    const rt = make();
    const values = [0, 1, -1, 5, 256, 257, -6, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), 2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 53n, -(2n ** 64n), 2n ** 200n + 12345n];
    for (const v of values) {
      const o = rt.newInt(v);
      const back = rt.intValue(o);
      expect(typeof back === "bigint" ? back : BigInt(back)).toBe(BigInt(v));
      rt.decref(o);
    }
  });

  it("shares small ints and one-character strings", () => {
    const rt = make();
    expect(rt.newInt(7)).toBe(rt.newInt(7));
    expect(rt.newInt(1000)).not.toBe(rt.newInt(1000));
    expect(rt.newStr("a")).toBe(rt.newStr("a"));
    expect(rt.strValue(rt.newStr("héllo 😀"))).toBe("héllo 😀");
  });

  it("interns strings once", () => {
    const rt = make();
    const a = rt.intern("spam");
    const b = rt.intern("spam");
    expect(a).toBe(b);
    expect(rt.strValue(a)).toBe("spam");
  });

  it("statics follow the 3.11 convention under the baseline", () => {
    const rt = make();
    expect(rt.heap.refcount(rt.None)).toBe(999_999_999n);
    expect(rt.skipImmortalRefs).toBe(false);
  });

  it("frees tuple items with the tuple", () => {
    const rt = make();
    const t = rt.newTuple(2);
    const before = rt.heap.liveObjectCount();
    rt.heap.mem.setI32(t + 24, rt.newFloat(1.5));
    rt.heap.mem.setI32(t + 32, rt.newStr("xyz"));
    expect(seqSize(rt.heap, t)).toBe(2);
    rt.decref(t);
    expect(rt.heap.liveObjectCount()).toBe(before - 1);
  });
});
