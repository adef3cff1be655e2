/**
 * Python type objects. Each type is a heap object (so its refcount traffic — every instance of a
 * class increfs it — is measured like CPython's) whose JS-side record, a {@link PyType}, holds
 * what the interpreter needs quickly: the MRO, the namespace dict, the instance layout, and a
 * cache of attribute lookups invalidated when any class on the MRO changes.
 */
import type { Ref } from "@immortal/heap";
import type { AttrPlan } from "../vm/attr-plan.js";

/** The JS side of a Python type object. */
export class PyType {
  /** The type object's handle. */
  ref: Ref = 0;
  /** Method resolution order, this type first. */
  mro: PyType[] = [];
  /** The type's namespace (a dict handle, owned by the type object). */
  dict: Ref = 0;
  /** Direct subclasses, for cache invalidation. */
  readonly subclasses: PyType[] = [];
  /** Bumped whenever this type's or a base's namespace changes. */
  version = 0;
  /** Borrowed results of MRO lookups by attribute name (0: not found). */
  readonly cache = new Map<string, Ref>();
  /** How LOAD_ATTR resolves names on instances (vm/attr-plan.ts); cleared with `cache`. */
  readonly getPlans = new Map<string, AttrPlan>();
  /** How STORE_ATTR resolves names on instances; cleared with `cache`. */
  readonly setPlans = new Map<string, AttrPlan>();
  /** Instance slot index by `__slots__` name, inherited ones included (built on first use; slots never change). */
  slotIndexes: Map<string, number> | null = null;
  /** `__slots__` names declared by this class itself (null: none declared). */
  slots: string[] | null = null;
  /** Cannot be subclassed (bool, NoneType, range, slice, function…: CPython's types without BASETYPE). */
  isFinal = false;
  /** `__slots__` values an instance carries, inherited ones included (each 8 bytes after the dict slot). */
  nslots = 0;

  constructor(
    /** `__name__`. */
    public name: string,
    /** Heap layout id of instances (the heap registry's type id). */
    public readonly layout: number,
    /** Direct bases, in declaration order. */
    public readonly bases: PyType[],
    /** Created by a class statement (instances incref it; it can be garbage). */
    public readonly heapType: boolean,
    /** `__module__` (for repr). */
    public module = "builtins",
    /** `__qualname__`. */
    public qualname = name,
    /** Instance payload bytes (for layouts with per-class size). */
    public instanceBytes = 0,
    /** Payload offset of the instance `__dict__` pointer, or −1 when instances have none. */
    public dictOffset = -1,
  ) {}

  /** The first base (CPython's tp_base for single inheritance). */
  get base(): PyType | null {
    return this.bases[0] ?? null;
  }

  /** Is `other` on this type's MRO (issubclass)? */
  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 1; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }

  /** Drop cached lookups here and in every subclass (after a namespace change). */
  invalidate(): void {
    const stack: PyType[] = [this];
    while (stack.length > 0) {
      const t = stack.pop()!;
      t.version++;
      t.cache.clear();
      t.getPlans.clear();
      t.setPlans.clear();
      for (const s of t.subclasses) stack.push(s);
    }
  }
}

/** Thrown when no consistent method resolution order exists; the caller raises TypeError. */
export class MroError extends Error {
  override readonly name = "MroError";
}

/** C3 linearisation of `cls` given its bases' MROs (as CPython's mro_internal). */
export function computeMro(cls: PyType): PyType[] {
  if (cls.bases.length === 0) return [cls];
  if (cls.bases.length === 1) return [cls, ...cls.bases[0].mro];
  const seqs: PyType[][] = [...cls.bases.map((b) => [...b.mro]), [...cls.bases]];
  const out: PyType[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let candidate: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((t) => t.indexOf(head) > 0)) {
        candidate = head;
        break;
      }
    }
    if (candidate === null) {
      const names = [...new Set(nonEmpty.map((s) => s[0].name))].join(", ");
      throw new MroError(`Cannot create a consistent method resolution\norder (MRO) for bases ${names}`);
    }
    out.push(candidate);
    for (const s of nonEmpty) if (s[0] === candidate) s.shift();
  }
}
