/**
 * A block allocator over the heap buffer, modelled on CPython's pymalloc (Objects/obmalloc.c):
 * requests up to 512 bytes are served from 16-byte size classes carved out of 16 KiB pools,
 * which live in 1 MiB arenas; larger requests stand in for the system malloc.
 *
 * Pool headers and free-block links live in the heap buffer and are written exactly when
 * pymalloc writes them, so the pages an allocation dirties are counted like CPython's.
 * Per-arena and per-class bookkeeping that CPython keeps in C structures outside the arenas
 * stays on the JS side.
 */
import { ALIGNMENT } from "./layout.js";
import type { HeapMemory } from "./memory.js";

/** Largest request served from pools (`SMALL_REQUEST_THRESHOLD`). */
export const SMALL_REQUEST_THRESHOLD = 512;
/** Pool size on 64-bit CPython ≥ 3.10. */
export const POOL_SIZE = 16 * 1024;
/** Arena size on 64-bit CPython ≥ 3.10; also the unit in which the buffer is handed out. */
export const ARENA_SIZE = 1024 * 1024;
/** Bytes at the start of each pool taken by its header (`POOL_OVERHEAD`, 48 on 64-bit). */
export const POOL_OVERHEAD = 48;
/** Bytes in front of each large block: its size and size class, as malloc keeps a chunk header. */
export const LARGE_HEADER = 16;

const NUM_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
const POOLS_PER_ARENA = ARENA_SIZE / POOL_SIZE;
const POOL_MASK = ~(POOL_SIZE - 1);
const ARENA_SHIFT = 20;
/** Large requests up to this size share bump-allocated chunks; bigger ones get chunk runs of their own. */
const LARGE_SHARED_MAX = ARENA_SIZE / 4;

// Pool header fields, byte offsets from the pool's start.
const P_COUNT = 0; // blocks in use
const P_SZIDX = 4; // size class index
const P_FREEBLOCK = 8; // head of the pool's free-block list (0: none)
const P_NEXTOFFSET = 12; // offset of the first never-used block
const P_MAXNEXTOFFSET = 16; // largest valid block offset
const P_NEXTPOOL = 20; // usedpools list links
const P_PREVPOOL = 24;

// What a 1 MiB chunk of the buffer is used for.
const CHUNK_FREE = 0;
const CHUNK_ARENA = 1;
const CHUNK_LARGE_SHARED = 2;
const CHUNK_LARGE_RUN = 3;
const CHUNK_LARGE_CONT = 4;

/**
 * What a block holds, as recorded by the caller; the heap uses it to find objects at finalization.
 * Bit 1 marks an object, bit 0 (with it) a GC head in front, bit 2 a statically allocated object.
 */
export const enum BlockKind {
  None = 0,
  Raw = 1,
  Object = 2,
  GCObject = 3,
  StaticFlag = 4,
}

/** Does a block of this kind hold an object? */
export const isObjectBlock = (kind: number): boolean => (kind & BlockKind.Object) !== 0;
/** Does a block of this kind start with a GC head? */
export const isGCBlock = (kind: number): boolean => (kind & BlockKind.GCObject) === BlockKind.GCObject;

/** Memory figures, as `sys._debugmallocstats` and tracemalloc would summarise them. */
export interface AllocatorStats {
  /** Bytes in blocks handed out and not freed (size-class sizes; large blocks with their header). */
  bytesInUse: number;
  /** Highest `bytesInUse` seen. */
  peakBytes: number;
  /** pymalloc arenas currently held. */
  arenas: number;
  /** Most arenas held at once. */
  peakArenas: number;
  /** Small blocks in use. */
  smallBlocks: number;
  /** Large blocks in use. */
  largeBlocks: number;
  /** Size of the heap buffer. */
  bufferBytes: number;
}

/** Thrown in place of silent corruption when a block is freed twice or was never allocated. */
export class InvalidFreeError extends Error {
  override readonly name = "InvalidFreeError";
}

/** Size in bytes of a large size class: four classes per doubling above 512. */
function largeClassSize(cls: number): number {
  const doubling = cls >> 2;
  const quarter = cls & 3;
  return (SMALL_REQUEST_THRESHOLD << doubling) + ((SMALL_REQUEST_THRESHOLD << doubling) >> 2) * quarter;
}

function largeClassOf(total: number): number {
  let cls = 0;
  while (largeClassSize(cls) < total) cls++;
  return cls;
}

/** pymalloc-style allocator. Addresses are byte offsets into `mem`; 0 is never returned. */
export class Allocator {
  /** Per size class: the first pool with a free block, or 0. */
  private readonly usedPools = new Int32Array(NUM_CLASSES);
  private chunkKinds = new Uint8Array(0);
  /** Per arena (chunk index): pools returned empty, ready for any size class. */
  private readonly arenaFreePools = new Map<number, number[]>();
  /** Per arena: index of the next pool never used. */
  private readonly arenaVirgin = new Map<number, number>();
  /** Per arena: pools in use. */
  private readonly arenaPoolsInUse = new Map<number, number>();
  /** Per 16-byte granule: the kind of block starting there. */
  kinds = new Uint8Array(0);
  private largeFree: number[][] = [];
  private largeBump = 0;
  private largeBumpEnd = 0;
  private readonly stats: AllocatorStats;

  constructor(private readonly mem: HeapMemory) {
    this.stats = { bytesInUse: 0, peakBytes: 0, arenas: 0, peakArenas: 0, smallBlocks: 0, largeBlocks: 0, bufferBytes: 0 };
    this.syncSideTables();
    // Chunk 0 becomes the first arena; its first pool is never used, so no block sits at address 0.
    this.claimArena(0);
    this.arenaVirgin.set(0, 1);
  }

  /** Current figures (a copy). */
  getStats(): AllocatorStats {
    return { ...this.stats, bufferBytes: this.mem.byteLength };
  }

  /** Allocate at least `size` bytes, 16-byte aligned, and record what the block holds. */
  alloc(size: number, kind: BlockKind): number {
    let addr: number;
    let granted: number;
    if (size <= SMALL_REQUEST_THRESHOLD) {
      const idx = size <= ALIGNMENT ? 0 : (size - 1) >> 4;
      addr = this.allocSmall(idx);
      granted = (idx + 1) << 4;
      this.stats.smallBlocks++;
    } else {
      addr = this.allocLarge(size);
      granted = this.mem.u32[(addr - LARGE_HEADER) >> 2];
      this.stats.largeBlocks++;
    }
    this.kinds[addr >> 4] = kind;
    const s = this.stats;
    s.bytesInUse += granted;
    if (s.bytesInUse > s.peakBytes) s.peakBytes = s.bytesInUse;
    return addr;
  }

  /** Return a block. */
  free(addr: number): void {
    const k = this.kinds[addr >> 4];
    if (k === undefined || k === BlockKind.None || (addr & 15) !== 0) {
      throw new InvalidFreeError(`free of ${addr}, which is not an allocated block`);
    }
    this.kinds[addr >> 4] = BlockKind.None;
    const size = this.blockSize(addr);
    this.stats.bytesInUse -= size;
    if (this.chunkKinds[addr >>> ARENA_SHIFT] === CHUNK_ARENA) {
      this.stats.smallBlocks--;
      this.freeSmall(addr);
    } else {
      this.stats.largeBlocks--;
      this.freeLarge(addr);
    }
  }

  /** Usable size of an allocated block. */
  blockSize(addr: number): number {
    if (this.chunkKinds[addr >>> ARENA_SHIFT] === CHUNK_ARENA) {
      const pool = addr & POOL_MASK;
      return (this.mem.u32[(pool + P_SZIDX) >> 2] + 1) << 4;
    }
    return this.mem.u32[(addr - LARGE_HEADER) >> 2];
  }

  /** The kind recorded for the block at `addr` (BlockKind.None if none starts there). */
  kindAt(addr: number): BlockKind {
    return (this.kinds[addr >> 4] ?? 0) as BlockKind;
  }

  /** Mark or unmark the object in the block at `addr` as statically allocated. */
  setStatic(addr: number, isStatic: boolean): void {
    const g = addr >> 4;
    this.kinds[g] = isStatic ? this.kinds[g] | BlockKind.StaticFlag : this.kinds[g] & ~BlockKind.StaticFlag;
  }

  /** Calls `fn` for every allocated block, in address order. */
  forEachBlock(fn: (addr: number, kind: BlockKind) => void): void {
    const kinds = this.kinds;
    for (let g = 0; g < kinds.length; g++) {
      const k = kinds[g];
      if (k !== 0) fn(g << 4, k as BlockKind);
    }
  }

  // ---- small blocks ------------------------------------------------------------------------

  private allocSmall(idx: number): number {
    let pool = this.usedPools[idx];
    if (pool === 0) pool = this.newPool(idx);
    const mem = this.mem;
    const u32 = mem.u32;
    const h = pool >> 2;
    let block = u32[h + (P_FREEBLOCK >> 2)];
    if (block !== 0) {
      mem.setU32(pool + P_FREEBLOCK, u32[block >> 2]);
    } else {
      const next = u32[h + (P_NEXTOFFSET >> 2)];
      block = pool + next;
      mem.setU32(pool + P_NEXTOFFSET, next + ((idx + 1) << 4));
    }
    mem.setU32(pool + P_COUNT, u32[h] + 1);
    if (u32[h + (P_FREEBLOCK >> 2)] === 0 && u32[h + (P_NEXTOFFSET >> 2)] > u32[h + (P_MAXNEXTOFFSET >> 2)]) {
      this.unlinkPool(pool, idx); // full
    }
    return block;
  }

  private freeSmall(addr: number): void {
    const mem = this.mem;
    const u32 = mem.u32;
    const pool = addr & POOL_MASK;
    const h = pool >> 2;
    const idx = u32[h + (P_SZIDX >> 2)];
    const wasFull = u32[h + (P_FREEBLOCK >> 2)] === 0 && u32[h + (P_NEXTOFFSET >> 2)] > u32[h + (P_MAXNEXTOFFSET >> 2)];
    mem.setU32(addr, u32[h + (P_FREEBLOCK >> 2)]);
    mem.setU32(pool + P_FREEBLOCK, addr);
    const count = u32[h] - 1;
    mem.setU32(pool + P_COUNT, count);
    if (wasFull) this.linkPool(pool, idx);
    if (count === 0) {
      this.unlinkPool(pool, idx);
      this.releasePool(pool);
    }
  }

  private newPool(idx: number): number {
    const arena = this.pickArena();
    const free = this.arenaFreePools.get(arena)!;
    let pool: number;
    if (free.length > 0) {
      pool = free.pop()!;
    } else {
      const v = this.arenaVirgin.get(arena)!;
      this.arenaVirgin.set(arena, v + 1);
      pool = arena * ARENA_SIZE + v * POOL_SIZE;
    }
    this.arenaPoolsInUse.set(arena, this.arenaPoolsInUse.get(arena)! + 1);
    const size = (idx + 1) << 4;
    const mem = this.mem;
    mem.setU32(pool + P_COUNT, 0);
    mem.setU32(pool + P_SZIDX, idx);
    mem.setU32(pool + P_FREEBLOCK, 0);
    mem.setU32(pool + P_NEXTOFFSET, POOL_OVERHEAD);
    mem.setU32(pool + P_MAXNEXTOFFSET, POOL_SIZE - size);
    this.linkPool(pool, idx);
    return pool;
  }

  /** The usable arena with the fewest free pools (CPython keeps `usable_arenas` sorted that way), or a new one. */
  private pickArena(): number {
    let best = -1;
    let bestFree = Infinity;
    for (const [arena, freePools] of this.arenaFreePools) {
      const free = freePools.length + (POOLS_PER_ARENA - this.arenaVirgin.get(arena)!);
      if (free > 0 && free < bestFree) {
        best = arena;
        bestFree = free;
      }
    }
    if (best >= 0) return best;
    const chunk = this.claimChunks(1, CHUNK_ARENA);
    this.claimArena(chunk);
    return chunk;
  }

  private claimArena(chunk: number): void {
    this.chunkKinds[chunk] = CHUNK_ARENA;
    this.arenaFreePools.set(chunk, []);
    this.arenaVirgin.set(chunk, 0);
    this.arenaPoolsInUse.set(chunk, 0);
    this.stats.arenas++;
    if (this.stats.arenas > this.stats.peakArenas) this.stats.peakArenas = this.stats.arenas;
  }

  private releasePool(pool: number): void {
    const arena = pool >>> ARENA_SHIFT;
    const inUse = this.arenaPoolsInUse.get(arena)! - 1;
    this.arenaPoolsInUse.set(arena, inUse);
    this.arenaFreePools.get(arena)!.push(pool);
    if (inUse === 0 && arena !== 0) {
      // Like pymalloc, an arena whose pools are all empty goes back to the system.
      this.arenaFreePools.delete(arena);
      this.arenaVirgin.delete(arena);
      this.arenaPoolsInUse.delete(arena);
      this.chunkKinds[arena] = CHUNK_FREE;
      this.stats.arenas--;
    }
  }

  private linkPool(pool: number, idx: number): void {
    const head = this.usedPools[idx];
    this.mem.setU32(pool + P_NEXTPOOL, head);
    this.mem.setU32(pool + P_PREVPOOL, 0);
    if (head !== 0) this.mem.setU32(head + P_PREVPOOL, pool);
    this.usedPools[idx] = pool;
  }

  private unlinkPool(pool: number, idx: number): void {
    const u32 = this.mem.u32;
    const next = u32[(pool + P_NEXTPOOL) >> 2];
    const prev = u32[(pool + P_PREVPOOL) >> 2];
    if (prev !== 0) this.mem.setU32(prev + P_NEXTPOOL, next);
    else if (this.usedPools[idx] === pool) this.usedPools[idx] = next;
    else return; // not linked
    if (next !== 0) this.mem.setU32(next + P_PREVPOOL, prev);
  }

  // ---- large blocks ------------------------------------------------------------------------

  private allocLarge(size: number): number {
    const total = size + LARGE_HEADER;
    const mem = this.mem;
    if (total > LARGE_SHARED_MAX) {
      const chunks = Math.ceil(total / ARENA_SIZE);
      const first = this.claimChunks(chunks, CHUNK_LARGE_RUN);
      for (let c = first + 1; c < first + chunks; c++) this.chunkKinds[c] = CHUNK_LARGE_CONT;
      const addr = first * ARENA_SIZE + LARGE_HEADER;
      mem.setU32(addr - LARGE_HEADER, chunks * ARENA_SIZE - LARGE_HEADER);
      mem.setI32(addr - LARGE_HEADER + 4, -chunks);
      return addr;
    }
    const cls = largeClassOf(total);
    const list = this.largeFree[cls];
    if (list !== undefined && list.length > 0) return list.pop()!;
    const granted = largeClassSize(cls);
    if (this.largeBump + granted > this.largeBumpEnd) {
      const chunk = this.claimChunks(1, CHUNK_LARGE_SHARED);
      this.largeBump = chunk * ARENA_SIZE;
      this.largeBumpEnd = this.largeBump + ARENA_SIZE;
    }
    const addr = this.largeBump + LARGE_HEADER;
    this.largeBump += granted;
    mem.setU32(addr - LARGE_HEADER, granted - LARGE_HEADER);
    mem.setI32(addr - LARGE_HEADER + 4, cls);
    return addr;
  }

  private freeLarge(addr: number): void {
    const cls = this.mem.i32[(addr - LARGE_HEADER + 4) >> 2];
    if (cls < 0) {
      const first = addr >>> ARENA_SHIFT;
      for (let c = first; c < first - cls; c++) this.chunkKinds[c] = CHUNK_FREE;
      return;
    }
    (this.largeFree[cls] ??= []).push(addr);
  }

  // ---- chunks ------------------------------------------------------------------------------

  /** First fit over free chunks, growing the buffer when none fits. */
  private claimChunks(n: number, kind: number): number {
    const kinds = this.chunkKinds;
    let run = 0;
    for (let c = 0; c < kinds.length; c++) {
      run = kinds[c] === CHUNK_FREE ? run + 1 : 0;
      if (run === n) {
        const first = c - n + 1;
        kinds[first] = kind;
        return first;
      }
    }
    const first = kinds.length - run;
    this.mem.ensure((first + n) * ARENA_SIZE);
    this.syncSideTables();
    this.chunkKinds[first] = kind;
    return first;
  }

  /** Resize the JS-side tables to the buffer's current size. */
  private syncSideTables(): void {
    const bytes = this.mem.byteLength;
    if (this.chunkKinds.length !== bytes >>> ARENA_SHIFT) {
      const c = new Uint8Array(bytes >>> ARENA_SHIFT);
      c.set(this.chunkKinds);
      this.chunkKinds = c;
      const k = new Uint8Array(bytes >>> 4);
      k.set(this.kinds);
      this.kinds = k;
    }
  }
}
