/**
 * @immortal/strategy-flag-field — an explicit immortal flag in an extra 8-byte header word,
 * separate from the reference count.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { FlagFieldStrategy } from "./flag-field.js";

export { FLAGS_OFFSET, FLAGS_WORD_BYTES, FLAG_FIELD_INFO, FlagFieldStrategy, IMMORTAL_FLAG } from "./flag-field.js";

/** A fresh flag-field strategy, for one heap. */
export function createStrategy(): RefcountStrategy {
  return new FlagFieldStrategy();
}
