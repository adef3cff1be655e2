/**
 * Registers the optional parts of the builtin layer (str methods, native modules) with the
 * installer list; importing this module once is enough.
 */
import "../modules/math.js";
import "../modules/random.js";
import "./str-methods.js";
export {};
