// Public API of the CPython 3.11 `random` port: the PyRandom class (the
// `random.Random` methods), the MT19937 core, the error type carrying the
// Python exception to raise, and the glibc-exact float math it is built on
// (also usable for the `math` module).

export { PyRandom } from "./random.js";
export type { MutableArrayLike, RandomState } from "./random.js";
export { MersenneTwister, MT_N } from "./mersenne-twister.js";
export { RandomError } from "./errors.js";
export type { RandomErrorType } from "./errors.js";
export type { PyInt } from "./pyint.js";
export { floatHash } from "./seed-material.js";
export type { PyFloatSeed, SeedArg } from "./seed-material.js";
export { pyAcos, pyCos, pyDiv, pyExp, pyLog, pyMod, pyPow, pySin, pySqrt } from "./pymath.js";
export { fma, libmAcos, libmCos, libmExp, libmLog, libmPow, libmSin } from "./libm/index.js";
