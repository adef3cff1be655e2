/**
 * Registers the optional parts of the builtin layer (str methods, native modules) with the
 * installer list; importing this module once is enough.
 */
import "../modules/math.js";
import "../modules/random.js";
import "../modules/itertools.js";
import "../modules/collections.js";
import "../modules/operator.js";
import "../modules/functools.js";
import "../modules/time.js";
import "../modules/gc.js";
import "../modules/io.js";
import "../modules/bisect.js";
import "../modules/string.js";
import "../modules/keyword.js";
import "../modules/copy.js";
import "./bytes-methods.js";
import "./container-dunders.js";
import "./core-methods.js";
import "./number-methods.js";
import "./set-methods.js";
import "./str-methods.js";
import "./subclass-methods.js";
export {};
