# A small binary toolkit on bytes: base64 by hand, run-length encoding, Adler-32 and CRC-32
# checksums, and length-prefixed records packed with int.to_bytes and parsed back.
ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64encode(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        quad = bytes(ALPHABET[(n >> shift) & 63] for shift in (18, 12, 6, 0))
        out.append(quad[:len(chunk) + 1] + b"=" * (3 - len(chunk)))
    return b"".join(out)


def b64decode(text):
    text = text.rstrip(b"=")
    bits = 0
    nbits = 0
    out = []
    for c in text:
        bits = (bits << 6) | ALPHABET.index(c)
        nbits += 6
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
    return bytes(out)


def rle_encode(data):
    out = b""
    i = 0
    while i < len(data):
        j = i
        while j < len(data) and data[j] == data[i] and j - i < 255:
            j += 1
        out += bytes([j - i, data[i]])
        i = j
    return out


def rle_decode(data):
    return b"".join(bytes([data[k + 1]]) * data[k] for k in range(0, len(data), 2))


def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def crc32(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0xEDB88320 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def pack(records):
    out = len(records).to_bytes(2, "big")
    for key, value in records:
        raw = key.encode("utf-8")
        out += len(raw).to_bytes(1, "big") + raw + value.to_bytes(4, "big", signed=True)
    return out


def unpack(blob):
    count = int.from_bytes(blob[:2], "big")
    pos = 2
    records = []
    for _ in range(count):
        n = blob[pos]
        key = blob[pos + 1:pos + 1 + n].decode("utf-8")
        value = int.from_bytes(blob[pos + 1 + n:pos + 5 + n], "big", signed=True)
        records.append((key, value))
        pos += 5 + n
    return records


for sample in [b"", b"f", b"fo", b"foo", b"foobar", b"Many hands make light work.", bytes(range(0, 256, 7))]:
    enc = b64encode(sample)
    print(enc, b64decode(enc) == sample)
    print("  adler32 %08x crc32 %08x" % (adler32(sample), crc32(sample)))
runs = b"aaaabbbcccd" + b"\x00" * 300 + b"xyz"
packed = rle_encode(runs)
print(len(runs), len(packed), packed[:12], rle_decode(packed) == runs)
records = [("temperature", -12), ("pressure", 101325), ("caf\u00e9", 7), ("", 0)]
blob = pack(records)
print(blob.hex(" ", 4))
print(unpack(blob) == records, unpack(blob))
print(crc32(b"The quick brown fox jumps over the lazy dog") == 0x414FA339, hex(adler32(b"Wikipedia")))
