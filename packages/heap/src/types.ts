/**
 * The type registry: what the heap needs to know about each kind of object — its size, whether
 * the cyclic GC tracks it, how to find its children, and how to release what it owns.
 *
 * A type's id is what an object's type word holds. Id 0 is reserved for freed blocks.
 */
import { FREED_TYPE_ID, type Ref } from "./layout.js";
import type { Heap } from "./heap.js";

/** Calls `visit` once per strong reference the object holds. Must not allocate or free. */
export type TraverseFn = (heap: Heap, o: Ref, visit: (child: Ref) => void) => void;

/**
 * Releases what the object owns: decrefs its children (through `heap.decref`, which defers nested
 * deallocation, so this never recurses deeply) and frees its raw payload blocks. The heap frees
 * the object's own block afterwards.
 */
export type DeallocFn = (heap: Heap, o: Ref) => void;

/**
 * `tp_clear`: drop the object's references to its children (each one set to empty before it is
 * decref'd), leaving a valid, empty object that its dealloc can still run on. The cyclic GC calls
 * it on unreachable objects to break their cycles, holding a reference to each meanwhile.
 */
export type ClearFn = (heap: Heap, o: Ref) => void;

/** A type as registered. */
export interface TypeSpec {
  /** The type's name, as `type(x).__name__` would show it. */
  readonly name: string;
  /** Payload bytes after the 16-byte header when the caller does not say (`tp_basicsize` − 16). */
  readonly basicSize?: number;
  /** The cyclic GC tracks instances (they get a 16-byte GC head in front). */
  readonly gc?: boolean;
  /** Children, for the GC and for leak reports. Required when `gc` is true. */
  readonly traverse?: TraverseFn;
  /** Releases children and payload blocks. Default: nothing to release. */
  readonly dealloc?: DeallocFn;
  /**
   * Breaks reference cycles for the GC (see {@link ClearFn}); meant for every GC type that can be
   * part of a cycle. Without it, an unreachable instance is never cleared, as a CPython type
   * without `tp_clear` is not: its cycle is freed only if another member's `clear` breaks it,
   * otherwise it survives the collection (and is reported again by the next).
   */
  readonly clear?: ClearFn;
  /**
   * Keep up to this many freed instances for reuse instead of returning them to the allocator,
   * as CPython does for floats (100) and lists (80). With `freeListBySize`, per payload size.
   */
  readonly freeList?: number;
  /**
   * Keep one free list per block size, for blocks up to this many bytes (at most 512), as CPython
   * keeps one tuple free list per length.
   */
  readonly freeListBySize?: number;
}

/** A registered type: the spec plus its id. */
export interface RegisteredType extends TypeSpec {
  readonly id: number;
  readonly basicSize: number;
  readonly gc: boolean;
}

/** Thrown for a type registration the heap cannot honour. */
export class TypeRegistrationError extends Error {
  override readonly name = "TypeRegistrationError";
}

/** The table of types. Lookups are by integer id on the hot path. */
export class TypeRegistry {
  private readonly byId: RegisteredType[] = [];
  /** Per id: 1 if instances carry a GC head. Indexed on the hot path. */
  gcFlags: Uint8Array = new Uint8Array(64);
  /** Per id: 1 if the type's instances are immortal (for type-based immortality). */
  immortalTypes: Uint8Array = new Uint8Array(64);

  constructor() {
    this.byId.push({ id: FREED_TYPE_ID, name: "<freed>", basicSize: 0, gc: false });
  }

  /** Register a type and return it with its new id. */
  register(spec: TypeSpec): RegisteredType {
    if (spec.freeListBySize !== undefined && spec.freeListBySize > 512) {
      throw new TypeRegistrationError(`type ${spec.name}: freeListBySize must be at most 512`);
    }
    if (spec.gc && !spec.traverse) {
      throw new TypeRegistrationError(`type ${spec.name} is GC-tracked but has no traverse`);
    }
    const id = this.byId.length;
    // Every registered type has the same fields in the same order, so the heap's hot paths read
    // them from objects of one shape (monomorphic property loads), whatever the spec left out.
    const t: RegisteredType = {
      id,
      name: spec.name,
      basicSize: spec.basicSize ?? 0,
      gc: spec.gc ?? false,
      traverse: spec.traverse,
      dealloc: spec.dealloc,
      clear: spec.clear,
      freeList: spec.freeList,
      freeListBySize: spec.freeListBySize,
    };
    this.byId.push(t);
    if (id >= this.gcFlags.length) {
      const grow = (a: Uint8Array): Uint8Array => {
        const b = new Uint8Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.gcFlags = grow(this.gcFlags);
      this.immortalTypes = grow(this.immortalTypes);
    }
    this.gcFlags[id] = t.gc ? 1 : 0;
    return t;
  }

  /** The type with this id. */
  get(id: number): RegisteredType {
    const t = this.byId[id];
    if (t === undefined) throw new RangeError(`no type with id ${id}`);
    return t;
  }

  /** Number of ids in use, the reserved id 0 included. */
  get size(): number {
    return this.byId.length;
  }

  /** Declare that every instance of this type is immortal (only type-based immortality reads this). */
  setTypeImmortal(id: number, immortal = true): void {
    this.get(id);
    this.immortalTypes[id] = immortal ? 1 : 0;
  }
}
