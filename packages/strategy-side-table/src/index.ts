/**
 * @immortal/strategy-side-table — immortal objects recorded in a bitmap outside the heap, one bit
 * per 8-byte granule; headers and counts are untouched by marking.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { SideTableStrategy } from "./side-table.js";

export {
  BYTES_PER_TABLE_WORD,
  GRANULE_BYTES,
  HEAP_BYTES_PER_TABLE_BYTE,
  SIDE_TABLE_INFO,
  SideTableStrategy,
} from "./side-table.js";

/** A fresh side-table strategy, for one heap. */
export function createStrategy(): RefcountStrategy {
  return new SideTableStrategy();
}
