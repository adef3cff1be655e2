// Public API of the formatting layer: pure functions from JS values to the exact text CPython
// 3.11 produces (repr, str, format specs, %-formatting) and back (float(), int()), plus the
// float rounding and division helpers whose results CPython pins down.

export { FormatError } from "./errors.js";
export type { PyErrorType } from "./errors.js";

export { floatRepr } from "./float-repr.js";
export { DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0, DTSF_SIGN, doubleToString } from "./double-to-string.js";
export type { DoubleCode } from "./double-to-string.js";

export {
  DEFAULT_INT_MAX_STR_DIGITS,
  INT_MAX_STR_DIGITS_THRESHOLD,
  getIntMaxStrDigits,
  intBin,
  intHex,
  intOct,
  intToBase,
  intToDecimal,
  setIntMaxStrDigits,
} from "./int-format.js";

export { formatBool, formatFloat, formatInt, formatStr, parseFormatSpec } from "./format-spec.js";
export type { Align, FormatSpec } from "./format-spec.js";

export { percentFormat } from "./percent-format.js";
export type { PercentArgs, PercentOps } from "./percent-format.js";

export { asciiEscapeNonAscii, asciiRepr, bytesRepr, strIsPrintable, strRepr } from "./str-repr.js";

export { floatParseError, intParseError, parseFloatLiteral, parseIntLiteral } from "./float-parse.js";

export {
  floatAsIntegerRatio,
  floatDivmod,
  floatFloorDiv,
  floatMod,
  floatToBigInt,
  roundFloat,
  roundFloatToInt,
  roundHalfEven,
} from "./round.js";

export { codePointLength, codePointPrefix } from "./code-points.js";
export { decimalValue, isPyWhitespace, isUnassigned14 } from "./unicode-data.js";
