/**
 * The `string` module's constants (ascii_letters, digits, punctuation, whitespace…) and
 * capwords.
 */
import type { Ref } from "@immortal/heap";
import { nativeModules } from "../vm/imports.js";
import type { VM } from "../vm/vm.js";
import { execSource, put } from "./support.js";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = LOWER.toUpperCase();
const DIGITS = "0123456789";
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE = " \t\n\r\x0b\x0c";

/** Register `string`. */
function installString(vm: VM, _module: Ref, d: Ref): void {
  const consts: [string, string][] = [
    ["ascii_lowercase", LOWER],
    ["ascii_uppercase", UPPER],
    ["ascii_letters", LOWER + UPPER],
    ["digits", DIGITS],
    ["hexdigits", DIGITS + "abcdefABCDEF"],
    ["octdigits", "01234567"],
    ["punctuation", PUNCTUATION],
    ["whitespace", WHITESPACE],
    ["printable", DIGITS + LOWER + UPPER + PUNCTUATION + WHITESPACE],
  ];
  for (const [name, value] of consts) put(vm, d, name, vm.rt.newStr(value));
  execSource(vm, "def capwords(s, sep=None):\n    return (sep or ' ').join(map(str.capitalize, s.split(sep)))\n", "<string>", d);
}

nativeModules.set("string", installString);
