/**
 * JS-side values attached to heap objects: the decoded text of a str, the compiled code of a
 * function, a generator's suspended frame. An object stores its slot id in its payload; the
 * slot is released when the object is deallocated, so a reused handle never sees stale data.
 */

/** A table of JS values addressed by small integer ids; id 0 is never used. */
export class SideTable<T = unknown> {
  private readonly values: (T | undefined)[] = [undefined];
  private readonly free: number[] = [];

  /** Store a value; returns its id. */
  add(value: T): number {
    const id = this.free.pop();
    if (id !== undefined) {
      this.values[id] = value;
      return id;
    }
    this.values.push(value);
    return this.values.length - 1;
  }

  /** The value under `id`. */
  get(id: number): T {
    return this.values[id] as T;
  }

  /** Replace the value under `id`. */
  set(id: number, value: T): void {
    this.values[id] = value;
  }

  /** Release `id` for reuse. */
  release(id: number): void {
    if (id === 0) return;
    this.values[id] = undefined;
    this.free.push(id);
  }

  /** Ids in use. */
  get size(): number {
    return this.values.length - 1 - this.free.length;
  }
}
