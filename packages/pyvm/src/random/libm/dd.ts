// Double-double arithmetic for the correctly rounded functions (tan, atan,
// atan2, log2): a value is an unevaluated sum hi + lo of two doubles with
// |lo| <= ulp(hi)/2, carrying about 106 bits. The error-free building blocks
// are Knuth's two-sum and Dekker's two-product (Veltkamp splitting, valid
// while no operand exceeds 2^996 and products stay far from underflow, which
// the callers ensure by scaling). Constants are derived from exact rational
// arithmetic on BigInts by toDD().

/** A double-double value hi + lo. */
export type DD = readonly [number, number];

const SPLITTER = 134217729; // 2^27 + 1

/** s + e = a + b exactly. */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** s + e = a + b exactly, given |a| >= |b| (or a = 0). */
export function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/**
 * The exact error a * b - p of the rounded product p = a * b (Dekker's
 * two-product on Veltkamp halves; for |a|, |b| < 2^996, products far from
 * underflow). Allocation-free, for callers that keep the two parts apart.
 */
export function prodError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** p + e = a * b exactly. */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  return [p, prodError(a, b, p)];
}

/** a + b. */
export function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [u, g] = fastTwoSum(s, e + t);
  return fastTwoSum(u, g + f);
}

/** a + b for a double b. */
export function addD(a: DD, b: number): DD {
  const [s, e] = twoSum(a[0], b);
  return fastTwoSum(s, e + a[1]);
}

/** -a. */
export function neg(a: DD): DD {
  return [-a[0], -a[1]];
}

/** a - b. */
export function sub(a: DD, b: DD): DD {
  return add(a, neg(b));
}

/** a * b. */
export function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return fastTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

/** a * b for a double b. */
export function mulD(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return fastTwoSum(p, e + a[1] * b);
}

/** a / b (three quotient digits, so the result is good to the last bit of lo). */
export function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = sub(a, mulD(b, q1));
  const q2 = r[0] / b[0];
  r = sub(r, mulD(b, q2));
  const q3 = r[0] / b[0];
  const [s, e] = fastTwoSum(q1, q2);
  return add([s, e], [q3, 0]);
}

/** sqrt(a) for a > 0 (one Newton correction of the double square root). */
export function sqrt(a: DD): DD {
  const s = Math.sqrt(a[0]);
  const [p, e] = twoProd(s, s);
  return fastTwoSum(s, (a[0] - p - e + a[1]) / (2 * s));
}

/** sum of c[i] * x^i by Horner's rule. */
export function poly(c: readonly DD[], x: DD): DD {
  let r = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) r = add(mul(r, x), c[i]);
  return r;
}

/** The double nearest to v / 2^bits (ties to even), for |v| / 2^bits in the normal range. */
function bigToDouble(v: bigint, bits: number): number {
  const neg = v < 0n;
  const m = neg ? -v : v;
  const len = m.toString(2).length;
  // Keep 64 significant bits plus a sticky bit so Number() rounds once, correctly.
  let r: number;
  if (len <= 64) {
    r = Number(m) * 2 ** -bits;
  } else {
    const shift = BigInt(len - 64);
    let top = m >> shift;
    if (top << shift !== m) top |= 1n;
    r = Number(top) * 2 ** (len - 64 - bits);
  }
  return neg ? -r : r;
}

/** v / 2^bits as a double-double (hi correctly rounded, lo the rounded remainder). */
export function toDD(v: bigint, bits: number): DD {
  const hi = bigToDouble(v, bits);
  const rest = v - fromDouble(hi, bits);
  return [hi, bigToDouble(rest, bits)];
}

/** A finite double exactly as [m, e, negative] with |x| = m * 2^e (m an integer below 2^53). */
export function exactParts(x: number): [bigint, number, boolean] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const raw = view.getBigUint64(0);
  const biased = Number((raw >> 52n) & 0x7ffn);
  let m = raw & 0xfffffffffffffn;
  if (biased !== 0) m |= 1n << 52n;
  return [m, biased === 0 ? -1074 : biased - 1075, raw >> 63n !== 0n];
}

/** The exact value of a double x times 2^bits as a BigInt (x * 2^bits must be an integer). */
export function fromDouble(x: number, bits: number): bigint {
  if (x === 0) return 0n;
  const [m, e0, negative] = exactParts(x);
  const e = e0 + bits;
  const v = e >= 0 ? m << BigInt(e) : m >> BigInt(-e);
  return negative ? -v : v;
}
