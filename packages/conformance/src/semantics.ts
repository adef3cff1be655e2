/**
 * What each strategy documents about immortal objects beyond its StrategyInfo: the facts a
 * reference model needs to predict `refcount()` and immortality after every operation, and that
 * the contract leaves to each design. Every entry restates the package's README (section on
 * marking, `Py_SET_REFCNT` and aware increments) and is checked by the suite against the code,
 * so a strategy whose behaviour drifts from its documentation fails here, not silently.
 */
import type { StrategyName } from "@immortal/strategies";

/** A strategy's documented behaviour on immortal objects. */
export interface DocumentedSemantics {
  /**
   * What `refcount()` shows right after a mortal object is marked immortal (makeImmortal,
   * immortalize): "info" — the fixed value `INFO.immortalRefcount`, whatever the count was;
   * "kept" — the count the object had (the mark lives outside the count).
   */
  readonly markedCount: "info" | "kept";
  /**
   * `makeImmortal` on an object that is already immortal: "reset" stores the fixed value again
   * (erasing drift), "unchanged" writes nothing.
   */
  readonly remark: "reset" | "unchanged";
  /** Aware incref/decref move an immortal object's `refcount()` by ±1 (plain counters that still store). */
  readonly immortalCountMoves: boolean;
  /**
   * `setRefcount` (`Py_SET_REFCNT`) on an immortal object: "ignored" (PEP 683's rule), or "stores"
   * the value like any other — which takes a count-marked object out of immortality when the value
   * is small, and leaves a type-marked one immortal.
   */
  readonly setRefcountOnImmortal: "ignored" | "stores";
}

/** The documented semantics, per strategy. The baseline has no immortal object; its entry is never consulted for one. */
export const DOCUMENTED: Readonly<Record<StrategyName, DocumentedSemantics>> = {
  // No immortality: nothing is ever marked; setRefcount is a plain 64-bit store.
  baseline: { markedCount: "info", remark: "unchanged", immortalCountMoves: true, setRefcountOnImmortal: "stores" },
  // README: makeImmortal stores 0x3FFFFFFF unless already immortal; setRefcount is a no-op on an immortal.
  sentinel: { markedCount: "info", remark: "unchanged", immortalCountMoves: false, setRefcountOnImmortal: "ignored" },
  // README: marking stores 2^61 + 2^60 unless the bit is already set; setRefcount is a no-op when the bit is set.
  "high-bit": { markedCount: "info", remark: "unchanged", immortalCountMoves: false, setRefcountOnImmortal: "ignored" },
  // README: marking sets the flag and leaves the count alone; setRefcount is a no-op on a flagged object.
  "flag-field": { markedCount: "kept", remark: "unchanged", immortalCountMoves: false, setRefcountOnImmortal: "ignored" },
  // README: immortality is the type's; counts keep moving; setRefcount always stores. Nothing is ever marked.
  "type-based": { markedCount: "kept", remark: "unchanged", immortalCountMoves: true, setRefcountOnImmortal: "stores" },
  // README: marking sets a bitmap bit and leaves the count alone; setRefcount is a no-op on a marked object.
  "side-table": { markedCount: "kept", remark: "unchanged", immortalCountMoves: false, setRefcountOnImmortal: "ignored" },
  // README: MAKE_IMMORTAL stores 2^60 unconditionally; plain ++/-- still write; Py_REFCNT(op) = n is a plain store.
  pyston: { markedCount: "info", remark: "reset", immortalCountMoves: true, setRefcountOnImmortal: "stores" },
  // README: _Py_SetImmortal stores 0xFFFFFFFF unconditionally; Py_SET_REFCNT is a no-op on immortals.
  "cpython-3.12": { markedCount: "info", remark: "reset", immortalCountMoves: false, setRefcountOnImmortal: "ignored" },
  // README: _Py_SetImmortalUntracked returns early if already immortal; Py_SET_REFCNT is a no-op on immortals.
  "cpython-3.14": { markedCount: "info", remark: "unchanged", immortalCountMoves: false, setRefcountOnImmortal: "ignored" },
  // README: marking is refcount_set(SATURATED); inc/dec on a saturated count store and re-saturate
  // (the value never moves); refcount_set is a plain store even on a saturated count.
  "linux-saturating": { markedCount: "info", remark: "reset", immortalCountMoves: false, setRefcountOnImmortal: "stores" },
};
