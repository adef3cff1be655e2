// The text codecs pyvm supports — utf-8, ascii and latin-1 — as CPython 3.11's C codecs run them:
// encoding-name lookup through the `encodings` aliases, the strict/ignore/replace/backslashreplace
// (and, for encoding, xmlcharrefreplace) error handlers, and the exact error positions and reasons
// of UnicodeEncodeError and UnicodeDecodeError (runs of unencodable characters are reported
// together; utf-8 decoding errors follow stringlib's utf8_decode). Pure functions: strings in
// and out are JS strings, bytes are Uint8Arrays.

/** The codecs pyvm implements, by the name their error messages use. */
export type CodecName = "utf-8" | "ascii" | "latin-1";

/** A failure to encode or decode with the strict handler: the interpreter raises UnicodeEncodeError or UnicodeDecodeError. */
export class CodecError extends Error {
  constructor(
    /** Which exception: UnicodeEncodeError ("encode") or UnicodeDecodeError ("decode"). */
    readonly kind: "encode" | "decode",
    readonly encoding: CodecName,
    /** Start of the bad run: a code point index (encode) or byte index (decode). */
    readonly start: number,
    /** End of the bad run (exclusive). */
    readonly end: number,
    readonly reason: string,
    /** The code point (encode) or byte (decode) at `start`, for the message. */
    readonly bad: number,
  ) {
    super(codecErrorMessage(kind, encoding, start, end, reason, bad));
    this.name = "CodecError";
  }
}

/** An unknown encoding or error handler name: the interpreter raises LookupError with this message. */
export class CodecLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CodecLookupError";
  }
}

/**
 * str(UnicodeEncodeError) / str(UnicodeDecodeError) as CPython formats them from the exception's
 * fields: one bad character or byte is shown, a run is given as a position range. `bad` is the
 * character or byte at `start`, or −1 when `start` is outside the object (the range form is used).
 */
export function codecErrorMessage(kind: "encode" | "decode", encoding: string, start: number, end: number, reason: string, bad: number): string {
  const single = end === start + 1 && bad >= 0;
  if (kind === "decode") {
    if (single) return `'${encoding}' codec can't decode byte 0x${hex(bad, 2)} in position ${start}: ${reason}`;
    return `'${encoding}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  }
  if (single) {
    const ch = bad < 0x100 ? `\\x${hex(bad, 2)}` : bad < 0x10000 ? `\\u${hex(bad, 4)}` : `\\U${hex(bad, 8)}`;
    return `'${encoding}' codec can't encode character '${ch}' in position ${start}: ${reason}`;
  }
  return `'${encoding}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
}

const hex = (v: number, width: number): string => v.toString(16).padStart(width, "0");

/** The `encodings.aliases` names (normalized) of the three codecs, the codec modules' own names included. */
const ALIASES: Record<string, CodecName> = {};
const ALIAS_LISTS: [CodecName, string[]][] = [
  ["utf-8", ["utf_8", "cp65001", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4"]],
  [
    "ascii",
    ["ascii", "646", "ansi_x3.4_1968", "ansi_x3.4_1986", "ansi_x3_4_1968", "cp367", "csascii", "ibm367", "iso646_us",
      "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"],
  ],
  [
    "latin-1",
    ["latin_1", "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987", "iso_ir_100",
      "l1", "latin", "latin1"],
  ],
];
for (const [codec, names] of ALIAS_LISTS) for (const name of names) ALIASES[name] = codec;

/** CPython's bytes-to-bytes and str-to-str codecs by alias (to codec name): str.encode and bytes.decode refuse them. */
const NON_TEXT: Record<string, string> = {};
for (const [codec, aliases] of [
  ["hex", ["hex", "hex_codec"]],
  ["base64", ["base64", "base_64", "base64_codec"]],
  ["rot-13", ["rot13", "rot_13"]],
  ["zlib", ["zlib", "zip", "zlib_codec"]],
  ["bz2", ["bz2", "bz2_codec"]],
  ["quopri", ["quopri", "quotedprintable", "quoted_printable", "quopri_codec"]],
  ["uu", ["uu", "uu_codec"]],
] as const) {
  for (const a of aliases) NON_TEXT[a] = codec;
}

/**
 * The codec an encoding name selects, as codecs.lookup finds it: lower-cased, runs of characters
 * other than letters, digits and dots collapsed to one underscore (none at either end), then
 * looked up among the `encodings.aliases` of the three codecs. Throws CodecLookupError otherwise
 * (`use` names the function a non-text codec such as 'hex' must be used with).
 */
export function lookupCodec(name: string, use: "encode" | "decode" = "encode"): CodecName {
  let norm = "";
  let punct = false;
  for (const c of name.toLowerCase()) {
    if (/^[a-z0-9.]$/.test(c)) {
      if (punct && norm !== "") norm += "_";
      norm += c;
      punct = false;
    } else punct = true;
  }
  const codec = ALIASES[norm] ?? ALIASES[norm.replace(/\./g, "_")];
  if (NON_TEXT[norm] !== undefined) throw new CodecLookupError(`'${name}' is not a text encoding; use codecs.${use}() to handle arbitrary codecs`);
  if (codec === undefined) throw new CodecLookupError(`unknown encoding: ${name}`);
  return codec;
}

const unknownHandler = (errors: string): CodecLookupError => new CodecLookupError(`unknown error handler name '${errors}'`);

/** `str.encode(encoding, errors)` for a supported codec. Positions count code points. */
export function encodeText(s: string, codec: CodecName, errors = "strict"): Uint8Array {
  const cps: number[] = [];
  for (const ch of s) cps.push(ch.codePointAt(0)!);
  const out: number[] = [];
  const limit = codec === "ascii" ? 0x80 : codec === "latin-1" ? 0x100 : 0x110000;
  const unencodable = (cp: number): boolean => (codec === "utf-8" ? cp >= 0xd800 && cp <= 0xdfff : cp >= limit);
  const reason = codec === "utf-8" ? "surrogates not allowed" : `ordinal not in range(${limit})`;
  const ascii = (text: string) => {
    for (let k = 0; k < text.length; k++) out.push(text.charCodeAt(k));
  };
  for (let i = 0; i < cps.length; ) {
    const cp = cps[i];
    if (!unencodable(cp)) {
      if (codec === "utf-8") pushUtf8(out, cp);
      else out.push(cp);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < cps.length && unencodable(cps[end])) end++;
    switch (errors) {
      case "strict":
        throw new CodecError("encode", codec, i, end, reason, cp);
      case "ignore":
        break;
      case "replace":
        for (let k = i; k < end; k++) out.push(0x3f);
        break;
      case "backslashreplace":
        for (let k = i; k < end; k++) {
          const c = cps[k];
          ascii(c < 0x100 ? `\\x${hex(c, 2)}` : c < 0x10000 ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`);
        }
        break;
      case "xmlcharrefreplace":
        for (let k = i; k < end; k++) ascii(`&#${cps[k]};`);
        break;
      default:
        throw unknownHandler(errors);
    }
    i = end;
  }
  return Uint8Array.from(out);
}

function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/** `bytes.decode(encoding, errors)` for a supported codec. Positions count bytes. */
export function decodeText(b: Uint8Array, codec: CodecName, errors = "strict"): string {
  const parts: string[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) {
      parts.push(String.fromCodePoint(...run));
      run = [];
    }
  };
  const push = (cp: number) => {
    run.push(cp);
    if (run.length >= 4096) flush();
  };
  const fail = (start: number, end: number, reason: string): void => {
    switch (errors) {
      case "strict":
        throw new CodecError("decode", codec, start, end, reason, b[start]);
      case "ignore":
        return;
      case "replace":
        push(0xfffd);
        return;
      case "backslashreplace":
        for (let k = start; k < end; k++) for (const c of `\\x${hex(b[k], 2)}`) push(c.charCodeAt(0));
        return;
      default:
        throw unknownHandler(errors);
    }
  };
  if (codec !== "utf-8") {
    for (let i = 0; i < b.length; i++) {
      if (codec === "ascii" && b[i] >= 0x80) fail(i, i + 1, "ordinal not in range(128)");
      else push(b[i]);
    }
  } else {
    let i = 0;
    while (i < b.length) {
      const r = utf8Step(b, i);
      if (r.error === null) {
        push(r.cp);
        i += r.length;
        continue;
      }
      const end = r.error === "unexpected end of data" ? b.length : i + r.length;
      fail(i, end, r.error);
      i = end;
    }
  }
  flush();
  return parts.join("");
}

const isCont = (c: number): boolean => c >= 0x80 && c < 0xc0;

/**
 * One step of stringlib's utf8_decode at `i`: a code point and its length, or the error it
 * reports — "invalid start byte" (length 1), "invalid continuation byte" with the bytes before
 * the bad one (length 1, 2 or 3), or "unexpected end of data" (the rest of the input).
 */
function utf8Step(b: Uint8Array, i: number): { cp: number; length: number; error: string | null } {
  const ch = b[i];
  const left = b.length - i;
  const bad = (length: number) => ({ cp: 0, length, error: "invalid continuation byte" });
  const eod = { cp: 0, length: left, error: "unexpected end of data" };
  if (ch < 0x80) return { cp: ch, length: 1, error: null };
  if (ch < 0xc2) return { cp: 0, length: 1, error: "invalid start byte" };
  if (ch < 0xe0) {
    if (left < 2) return eod;
    if (!isCont(b[i + 1])) return bad(1);
    return { cp: ((ch & 0x1f) << 6) | (b[i + 1] & 0x3f), length: 2, error: null };
  }
  if (ch < 0xf0) {
    if (left < 2) return eod;
    const ch2 = b[i + 1];
    // E0 needs A0..BF next (no overlong forms); ED needs 80..9F (no surrogates).
    if (!isCont(ch2) || (ch === 0xe0 && ch2 < 0xa0) || (ch === 0xed && ch2 >= 0xa0)) return bad(1);
    if (left < 3) return eod;
    if (!isCont(b[i + 2])) return bad(2);
    return { cp: ((ch & 0x0f) << 12) | ((ch2 & 0x3f) << 6) | (b[i + 2] & 0x3f), length: 3, error: null };
  }
  if (ch < 0xf5) {
    if (left < 2) return eod;
    const ch2 = b[i + 1];
    // F0 needs 90..BF next (no overlong forms); F4 needs 80..8F (nothing past U+10FFFF).
    if (!isCont(ch2) || (ch === 0xf0 && ch2 < 0x90) || (ch === 0xf4 && ch2 >= 0x90)) return bad(1);
    if (left < 3) return eod;
    if (!isCont(b[i + 2])) return bad(2);
    if (left < 4) return eod;
    if (!isCont(b[i + 3])) return bad(3);
    const cp = ((ch & 0x07) << 18) | ((ch2 & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
    return { cp, length: 4, error: null };
  }
  return { cp: 0, length: 1, error: "invalid start byte" };
}
