# Huffman codes: build a tree from frequencies (deterministic tie-breaks), encode and decode.
def build(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    nodes = [(f, i, ch) for i, (ch, f) in enumerate(sorted(freq.items()))]
    counter = len(nodes)
    while len(nodes) > 1:
        nodes.sort()
        a = nodes.pop(0)
        b = nodes.pop(0)
        nodes.append((a[0] + b[0], counter, (a, b)))
        counter += 1
    codes = {}
    def walk(node, prefix):
        payload = node[2]
        if isinstance(payload, str):
            codes[payload] = prefix or "0"
        else:
            walk(payload[0], prefix + "0")
            walk(payload[1], prefix + "1")
    walk(nodes[0], "")
    return codes
def encode(text, codes):
    return "".join(codes[c] for c in text)
def decode(bits, codes):
    rev = {v: k for k, v in codes.items()}
    out, cur = [], ""
    for b in bits:
        cur += b
        if cur in rev:
            out.append(rev[cur])
            cur = ""
    return "".join(out)
text = "abracadabra alakazam"
codes = build(text)
print(sorted(codes.items()))
bits = encode(text, codes)
print(bits, len(bits), len(text) * 8)
print(decode(bits, codes) == text)
print(build("aaaa"), encode("aaaa", build("aaaa")))
