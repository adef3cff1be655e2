import { describe, expect, it } from "vitest";
import { Allocator, ARENA_SIZE, BlockKind, InvalidFreeError, POOL_OVERHEAD, POOL_SIZE } from "./allocator.js";
import { HeapMemory, TrackedMemory } from "./memory.js";

const fresh = (opts = {}) => new Allocator(new HeapMemory({ initialBytes: 1 << 20, maxBytes: 64 << 20, ...opts }));

describe("pymalloc-style small blocks", () => {
  it("rounds requests up to 16-byte size classes", () => {
    const a = fresh();
    for (const [req, got] of [[1, 16], [16, 16], [17, 32], [24, 32], [500, 512], [512, 512]]) {
      const addr = a.alloc(req, BlockKind.Raw);
      expect(a.blockSize(addr)).toBe(got);
      expect(addr % 16).toBe(0);
    }
  });

  it("carves a class's blocks out of one pool, after the pool header", () => {
    const a = fresh();
    const x = a.alloc(32, BlockKind.Raw);
    const y = a.alloc(32, BlockKind.Raw);
    expect(x % POOL_SIZE).toBe(POOL_OVERHEAD);
    expect(y).toBe(x + 32);
  });

  it("reuses the most recently freed block first, as pymalloc's free list does", () => {
    const a = fresh();
    const blocks = Array.from({ length: 5 }, () => a.alloc(48, BlockKind.Raw));
    a.free(blocks[1]);
    a.free(blocks[3]);
    expect(a.alloc(48, BlockKind.Raw)).toBe(blocks[3]);
    expect(a.alloc(48, BlockKind.Raw)).toBe(blocks[1]);
  });

  it("never hands out address 0", () => {
    const a = fresh();
    for (let i = 0; i < 1000; i++) expect(a.alloc(16, BlockKind.Raw)).toBeGreaterThan(0);
  });

  it("counts bytes in use, their peak, and the arenas held; frees an emptied arena", () => {
    const a = fresh();
    const perPool = Math.floor((POOL_SIZE - POOL_OVERHEAD) / 512);
    const perArena = perPool * (ARENA_SIZE / POOL_SIZE);
    // Enough 512-byte blocks to need a second arena.
    const blocks = Array.from({ length: perArena + 10 }, () => a.alloc(512, BlockKind.Raw));
    const s = a.getStats();
    expect(s.bytesInUse).toBe(blocks.length * 512);
    expect(s.smallBlocks).toBe(blocks.length);
    expect(s.arenas).toBe(2);
    for (const b of blocks.slice(perArena - perPool)) a.free(b);
    const after = a.getStats();
    expect(after.arenas).toBe(1);
    expect(after.peakArenas).toBe(2);
    expect(after.peakBytes).toBe(blocks.length * 512);
  });

  it("writes pool headers and free links in the heap, where pymalloc does", () => {
    const mem = new TrackedMemory({ initialBytes: 1 << 20 });
    const a = new Allocator(mem);
    const x = a.alloc(64, BlockKind.Raw);
    mem.snapshot();
    a.free(x);
    // The free link in the block and the pool header's freeblock and count: two pages at most, one
    // here since the block sits in the pool's first page.
    expect(mem.dirty().pages).toBe(1);
    expect(mem.counts.stores).toBeGreaterThanOrEqual(3);
  });
});

describe("large blocks", () => {
  it("serves requests over 512 bytes from size classes with a header", () => {
    const a = fresh();
    const x = a.alloc(600, BlockKind.Raw);
    expect(a.blockSize(x)).toBeGreaterThanOrEqual(600);
    a.free(x);
    expect(a.alloc(600, BlockKind.Raw)).toBe(x);
  });

  it("gives blocks over a quarter arena chunk runs of their own and returns them", () => {
    const a = fresh();
    const x = a.alloc(3 << 20, BlockKind.Raw);
    expect(a.blockSize(x)).toBeGreaterThanOrEqual(3 << 20);
    a.free(x);
    expect(a.alloc(3 << 20, BlockKind.Raw)).toBe(x);
  });
});

describe("misuse", () => {
  it("refuses to free a block twice or an address it never gave out", () => {
    const a = fresh();
    const x = a.alloc(32, BlockKind.Raw);
    a.free(x);
    expect(() => a.free(x)).toThrow(InvalidFreeError);
    expect(() => a.free(x + 8)).toThrow(InvalidFreeError);
  });
});

describe("a shared heap", () => {
  it("grows its SharedArrayBuffer in place and keeps the data", () => {
    const mem = new HeapMemory({ initialBytes: 1 << 20, maxBytes: 16 << 20, shared: true });
    const a = new Allocator(mem);
    const first = a.alloc(32, BlockKind.Raw);
    mem.setI32(first, 12345);
    const buffer = mem.buffer;
    a.alloc(4 << 20, BlockKind.Raw);
    expect(mem.buffer).toBe(buffer);
    expect(mem.byteLength).toBeGreaterThan(1 << 20);
    expect(mem.i32[first >> 2]).toBe(12345);
    expect(mem.buffer instanceof SharedArrayBuffer).toBe(true);
  });
});
