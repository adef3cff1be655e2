// The C math functions Lib/random.py and the math module call, reproducing
// the doubles glibc 2.36's libm returns on x86-64 CPUs with FMA (the build
// CPython uses there), since V8's Math.* differ from glibc in the last bit
// for several percent of arguments. Where glibc's results cannot be
// reproduced operation for operation (tan, atan, atan2, and log2 away from
// 1), the correctly rounded value is returned, which is glibc's in all but a
// few arguments per ten thousand. sqrt needs no port: it is correctly
// rounded everywhere. gamma and lgamma are CPython's own algorithms.

export { acos as libmAcos } from "./acos.js";
export { asin as libmAsin } from "./asin.js";
export { cbrt as libmCbrt } from "./cbrt.js";
export { erf as libmErf, erfc as libmErfc } from "./erf.js";
export { exp as libmExp } from "./exp.js";
export { exp2 as libmExp2 } from "./exp2.js";
export { expm1 as libmExpm1 } from "./expm1.js";
export { gamma as cpythonGamma, lgamma as cpythonLgamma, lastGammaError } from "./gamma.js";
export { acosh as libmAcosh, asinh as libmAsinh, atanh as libmAtanh, cosh as libmCosh, sinh as libmSinh, tanh as libmTanh } from "./hyperbolic.js";
export { log as libmLog } from "./log.js";
export { log1p as libmLog1p } from "./log1p.js";
export { log2 as libmLog2 } from "./log2.js";
export { pow as libmPow } from "./pow.js";
export { cos as libmCos, sin as libmSin } from "./sincos.js";
export { atan as libmAtan, atan2 as libmAtan2, tan as libmTan } from "./trig.js";
export { fma } from "./fma.js";
