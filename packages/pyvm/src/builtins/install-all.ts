/**
 * Registers the optional parts of the builtin layer (str methods, native modules) with the
 * installer list; importing this module once is enough.
 */
import "../modules/math.js";
import "../modules/random.js";
import "./container-dunders.js";
import "./number-methods.js";
import "./set-methods.js";
import "./str-methods.js";
export {};
