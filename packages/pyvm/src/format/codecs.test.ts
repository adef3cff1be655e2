// Unit tests of the utf-8, ascii and latin-1 codecs: encoding-name lookup, the error handlers,
// and the positions and reasons of encode and decode errors (the values CPython 3.11 reports).
import { describe, expect, it } from "vitest";
import { CodecError, codecErrorMessage, CodecLookupError, decodeText, encodeText, lookupCodec } from "./codecs.js";

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(" ");

/** The CodecError a call throws (fails the test if it throws none or another error). */
function codecError(fn: () => unknown): CodecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CodecError) return e;
    throw e;
  }
  throw new Error("no CodecError");
}

describe("lookupCodec", () => {
  it("finds the three codecs by their aliases, normalized as codecs.lookup does", () => {
    for (const name of ["utf-8", "UTF8", "utf_8", "U8", "utf", "cp65001", " utf--8 ", "UTF-8"]) expect(lookupCodec(name)).toBe("utf-8");
    for (const name of ["ascii", "US-ASCII", "646", "us", "ANSI_X3.4-1968", " ascii "]) expect(lookupCodec(name)).toBe("ascii");
    for (const name of ["latin-1", "Latin1", "L1", "iso-8859-1", "iso8859_1", "8859", "cp819", "latin"]) expect(lookupCodec(name)).toBe("latin-1");
  });

  it("refuses unknown names and non-text codecs with CPython's messages", () => {
    expect(() => lookupCodec("utf8mb4")).toThrow(new CodecLookupError("unknown encoding: utf8mb4"));
    expect(() => lookupCodec("Hex")).toThrow("'Hex' is not a text encoding; use codecs.encode() to handle arbitrary codecs");
    expect(() => lookupCodec("rot13", "decode")).toThrow("'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs");
  });
});

describe("encodeText", () => {
  it("encodes UTF-8, ASCII and latin-1", () => {
    expect(text(encodeText("aé€😀", "utf-8"))).toBe("61 c3 a9 e2 82 ac f0 9f 98 80");
    expect(text(encodeText("aé", "latin-1"))).toBe("61 e9");
    expect(text(encodeText("az", "ascii"))).toBe("61 7a");
  });

  it("reports runs of unencodable characters together", () => {
    const one = codecError(() => encodeText("aé", "ascii"));
    expect([one.kind, one.encoding, one.start, one.end, one.reason]).toEqual(["encode", "ascii", 1, 2, "ordinal not in range(128)"]);
    expect(one.message).toBe("'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)");
    const run = codecError(() => encodeText("x€€y", "latin-1"));
    expect([run.start, run.end]).toEqual([1, 3]);
    expect(run.message).toBe("'latin-1' codec can't encode characters in position 1-2: ordinal not in range(256)");
    expect(codecError(() => encodeText("😀", "ascii")).message).toContain("character '\\U0001f600' in position 0");
    expect(codecError(() => encodeText("a\ud800", "utf-8")).message).toBe("'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed");
  });

  it("applies the error handlers", () => {
    const s = "aé€😀";
    expect(text(encodeText(s, "ascii", "ignore"))).toBe("61");
    expect(text(encodeText(s, "ascii", "replace"))).toBe("61 3f 3f 3f");
    expect(String.fromCharCode(...encodeText(s, "ascii", "backslashreplace"))).toBe("a\\xe9\\u20ac\\U0001f600");
    expect(String.fromCharCode(...encodeText(s, "latin-1", "xmlcharrefreplace"))).toBe("a\xe9&#8364;&#128512;");
    expect(() => encodeText(s, "ascii", "nope")).toThrow(new CodecLookupError("unknown error handler name 'nope'"));
    // A handler is looked up only when an error needs it.
    expect(text(encodeText("ok", "ascii", "nope"))).toBe("6f 6b");
  });
});

describe("decodeText", () => {
  it("decodes UTF-8, ASCII and latin-1", () => {
    expect(decodeText(bytes(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80), "utf-8")).toBe("aé€😀");
    expect(decodeText(bytes(0x61, 0xe9, 0xff), "latin-1")).toBe("aéÿ");
    expect(decodeText(bytes(0x7f), "ascii")).toBe("\x7f");
  });

  it("reports UTF-8 errors where stringlib's decoder does", () => {
    const cases: [number[], number, number, string][] = [
      [[0xff], 0, 1, "invalid start byte"],
      [[0x80], 0, 1, "invalid start byte"],
      [[0xc0, 0x80], 0, 1, "invalid start byte"],
      [[0x61, 0xe2, 0x82], 1, 3, "unexpected end of data"],
      [[0xc3], 0, 1, "unexpected end of data"],
      [[0xe2, 0x28, 0xa1], 0, 1, "invalid continuation byte"],
      [[0xe2, 0x82, 0x28], 0, 2, "invalid continuation byte"],
      [[0xf0, 0x9f, 0x98, 0x28], 0, 3, "invalid continuation byte"],
      [[0xed, 0xa0, 0x80], 0, 1, "invalid continuation byte"],
      [[0xe0, 0x80, 0x80], 0, 1, "invalid continuation byte"],
      [[0xf4, 0x90, 0x80, 0x80], 0, 1, "invalid continuation byte"],
      [[0xf0, 0x28], 0, 1, "invalid continuation byte"],
      [[0xf8], 0, 1, "invalid start byte"],
    ];
    for (const [b, start, end, reason] of cases) {
      const e = codecError(() => decodeText(Uint8Array.from(b), "utf-8"));
      expect([e.kind, e.start, e.end, e.reason], text(Uint8Array.from(b))).toEqual(["decode", start, end, reason]);
    }
    expect(codecError(() => decodeText(bytes(0x61, 0xe2, 0x82), "utf-8")).message).toBe(
      "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data",
    );
    expect(codecError(() => decodeText(bytes(0xff), "utf-8")).message).toBe("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  });

  it("reports each non-ASCII byte alone for ascii", () => {
    const e = codecError(() => decodeText(bytes(0x61, 0xe9, 0xe9), "ascii"));
    expect([e.start, e.end]).toEqual([1, 2]);
    expect(e.message).toBe("'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)");
  });

  it("applies the error handlers to each bad run", () => {
    const b = bytes(0xff, 0x61, 0xe2, 0x82, 0x28, 0xc3);
    expect(decodeText(b, "utf-8", "replace")).toBe("\ufffda\ufffd(\ufffd");
    expect(decodeText(b, "utf-8", "ignore")).toBe("a(");
    expect(decodeText(b, "utf-8", "backslashreplace")).toBe("\\xffa\\xe2\\x82(\\xc3");
    expect(decodeText(bytes(0x61, 0xe9, 0xff), "ascii", "replace")).toBe("a\ufffd\ufffd");
    expect(() => decodeText(bytes(0xff), "utf-8", "xmlcharrefreplace")).toThrow(CodecLookupError);
  });
});

describe("codecErrorMessage", () => {
  it("formats a single character or byte, a range, or the range form when the position is outside the object", () => {
    expect(codecErrorMessage("encode", "latin-1", 3, 4, "r", 0x20ac)).toBe("'latin-1' codec can't encode character '\\u20ac' in position 3: r");
    expect(codecErrorMessage("decode", "utf-8", 0, 3, "r", 0xf0)).toBe("'utf-8' codec can't decode bytes in position 0-2: r");
    expect(codecErrorMessage("decode", "utf-8", 5, 6, "r", -1)).toBe("'utf-8' codec can't decode bytes in position 5-5: r");
  });
});
