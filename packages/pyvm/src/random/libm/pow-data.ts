// Constants of the log stage of glibc's pow (the ARM optimized-routines
// design, glibc >= 2.28), which computes log(x) to about 68 bits as a value
// plus tail: ln2 split in two and the polynomial (the design's published
// constants); the 128-entry table of 1/c, log(c) and log(c)'s tail is
// generated from its definition by ./gen-tables.ts into ./pow-table.ts, and
// equals the one glibc 2.36 uses.

/** ln(2) high part (trailing zeros, so k*LN2_HI is exact) and low part. */
export const LN2_HI = 0.6931471805598903;
export const LN2_LO = 5.497923018708371e-14;

/** log1p(r) ~ r + A[0]*r^2 + A[1]*r^3 + ... (A[0] = -0.5). */
export const A = [
  -0.5, -0.6666666666666679, 0.5000000000000007, 0.7999999995323976,
  -0.6666666663487739, -1.142909628459501, 1.0000415263675542,
] as const;

/** 1/c, log(c) and its tail per subinterval, generated from their definition (./gen-tables.ts). */
export { INVC, LOGC, LOGC_TAIL } from "./pow-table.js";
