// The C math functions Lib/random.py calls, reproducing the doubles glibc
// 2.36's libm returns on x86-64 CPUs with FMA (the build CPython uses there),
// since V8's Math.* differ from glibc in the last bit for several percent of
// arguments. sqrt needs no port: it is correctly rounded everywhere.

export { acos as libmAcos } from "./acos.js";
export { exp as libmExp } from "./exp.js";
export { log as libmLog } from "./log.js";
export { pow as libmPow } from "./pow.js";
export { cos as libmCos, sin as libmSin } from "./sincos.js";
export { fma } from "./fma.js";
