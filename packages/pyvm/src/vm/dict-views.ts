/**
 * dict_keys, dict_values and dict_items: live views of a dict. Each owns a reference to its dict;
 * iterating one gives a fresh dict iterator, as CPython's views do.
 */
import type { Ref } from "@immortal/heap";
import type { IteratorState } from "./containers.js";
import type { VM } from "./vm.js";

/** The JS state of a view object. */
export class DictViewState implements IteratorState {
  constructor(
    private readonly vm: VM,
    public dict: Ref,
    readonly kind: "keys" | "values" | "items",
  ) {
    vm.heap.incref(dict);
  }
  /** Views are not iterators: iteration goes through __iter__. */
  next(): Ref {
    return 0;
  }
  traverse(visit: (c: Ref) => void): void {
    if (this.dict !== 0) visit(this.dict);
  }
  clear(): void {
    const d = this.dict;
    this.dict = 0;
    if (d !== 0) this.vm.heap.decref(d);
  }
}
