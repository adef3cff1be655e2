// IEEE-754 bit access for the libm ports: a double's 32-bit halves and the
// reverse, through one shared scratch buffer (no allocation per call).
// A Float64Array aliased by a Uint32Array is the fastest access in V8; the
// word order follows the platform's endianness, detected once.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
f64[0] = 1; // high word 0x3ff00000
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** High 32 bits (sign, exponent, top of the mantissa) of x, unsigned. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI];
}

/** Low 32 bits of x's mantissa, unsigned. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

/** The double whose bit pattern is hi:lo (each an unsigned 32-bit value). */
export function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** The adjacent double one unit in the last place further from zero. */
export function nextAway(x: number): number {
  f64[0] = x;
  if (u32[LO] === 0xffffffff) {
    u32[LO] = 0;
    u32[HI] += 1;
  } else {
    u32[LO] += 1;
  }
  return f64[0];
}

/** The adjacent double one unit in the last place closer to zero (x != 0). */
export function nextToward0(x: number): number {
  f64[0] = x;
  if (u32[LO] === 0) {
    u32[LO] = 0xffffffff;
    u32[HI] -= 1;
  } else {
    u32[LO] -= 1;
  }
  return f64[0];
}
