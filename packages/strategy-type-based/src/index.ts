/**
 * @immortal/strategy-type-based — immortality that belongs to the type: instances of an immortal
 * type are never freed, while their counts keep moving.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { TypeBasedStrategy } from "./type-based.js";

export { TYPE_BASED_INFO, TypeBasedStrategy } from "./type-based.js";

/** A fresh type-based strategy, for one heap. */
export function createStrategy(): RefcountStrategy {
  return new TypeBasedStrategy();
}
