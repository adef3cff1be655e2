// Constants of glibc's exp (the ARM optimized-routines design, glibc >= 2.28):
// exp(x) = 2^(k/128) * exp(r). The design's published reduction constants and
// polynomial coefficients are below; the table of 2^(i/128) (a scale whose
// bits are stored minus i<<45, so the exponent of 2^k can be added as an
// integer, and a tail correction) is generated from its definition by
// ./gen-tables.ts into ./exp-table.ts, and equals the one glibc 2.36 uses.

/** 128/ln2. */
export const INV_LN2_N = 184.6649652337873;
/** -ln2/128 split: the high part has trailing zeros so k*hi is exact. */
export const NEG_LN2_HI_N = -0.005415212348111709;
export const NEG_LN2_LO_N = -1.2864023111638346e-14;
/** 0x1.8p52: adding it rounds to an integer held in the low mantissa bits. */
export const SHIFT = 6755399441055744.0;
/** exp(r) - 1 - r ~ r^2 * (C2 + r*C3 + r^2*(C4 + r*C5)). */
export const C2 = 0.49999999999996786;
export const C3 = 0.16666666666665886;
export const C4 = 0.0416666808410674;
export const C5 = 0.008333335853059549;

/** 2^(i/128) as scale words plus tail, generated from its definition (./gen-tables.ts). */
export { SCALE_HIGH, SCALE_LOW, TAIL } from "./exp-table.js";
