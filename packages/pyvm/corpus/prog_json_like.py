# A recursive serializer/pretty printer and a tiny parser for a JSON-like format.
def dumps(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        parts = [f'{pad}  "{k}": {dumps(val, indent + 1)}' for k, val in v.items()]
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dumps(x, indent) for x in v) + "]"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v)

class Parser:
    def __init__(self, text):
        self.s = text
        self.i = 0
    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \n\t":
            self.i += 1
    def parse(self):
        self.ws()
        c = self.s[self.i]
        if c == "{":
            self.i += 1
            out = {}
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return out
            while True:
                self.ws()
                k = self.parse()
                self.ws()
                assert self.s[self.i] == ":"
                self.i += 1
                out[k] = self.parse()
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
                    continue
                self.i += 1
                return out
        if c == "[":
            self.i += 1
            out = []
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return out
            while True:
                out.append(self.parse())
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
                    continue
                self.i += 1
                return out
        if c == '"':
            j = self.i + 1
            buf = []
            while self.s[j] != '"':
                if self.s[j] == "\\":
                    j += 1
                buf.append(self.s[j])
                j += 1
            self.i = j + 1
            return "".join(buf)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        j = self.i
        while j < len(self.s) and self.s[j] in "-+.eE0123456789":
            j += 1
        num = self.s[self.i:j]
        self.i = j
        return float(num) if any(ch in num for ch in ".eE") else int(num)

doc = {"name": "widget", "tags": ["a", "b \"quoted\""], "size": {"w": 2.5, "h": -3}, "ok": True, "none": None, "empty": {}, "nums": [1, [2, [3]]]}
text = dumps(doc)
print(text)
back = Parser(text).parse()
print(back == doc, back)
print(Parser('[1e3, -0.5, 12, "x\\\\y"]').parse())
