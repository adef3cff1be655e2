/**
 * @immortal/strategy-high-bit — PEP 683's final design: an immortal bit (2^61) tested with AND,
 * immortal objects started at 1.5 × the bit so that drift in either direction keeps it set.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { HighBitStrategy } from "./high-bit.js";

export {
  HIGH_BIT_INFO,
  HIGH_BIT_UNAWARE_EXACT,
  HighBitStrategy,
  IMMORTAL_BIT,
  IMMORTAL_BIT_HI_WORD,
  IMMORTAL_REFCNT,
  IMMORTAL_REFCNT_HI_WORD,
} from "./high-bit.js";

/** A fresh high-bit strategy, for one heap. */
export function createStrategy(): RefcountStrategy {
  return new HighBitStrategy();
}
