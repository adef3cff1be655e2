/**
 * @immortal/strategy-linux-saturating — the Linux kernel's saturating refcount_t as an
 * immortality design.
 */
import type { RefcountStrategy } from "@immortal/heap";
import { LinuxSaturatingStrategy } from "./linux-saturating.js";

export {
  LINUX_SATURATING_INFO,
  LinuxSaturatingStrategy,
  REFCOUNT_MAX,
  REFCOUNT_SATURATED,
  REFCOUNT_SATURATED_U32,
} from "./linux-saturating.js";

/** A fresh refcount_t strategy for one heap. */
export function createStrategy(): RefcountStrategy {
  return new LinuxSaturatingStrategy();
}
