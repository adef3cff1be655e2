# Helper module (imported by import_*.py programs): small utilities and a module-level registry.
__all__ = ["slugify", "chunks", "REGISTRY", "register"]

REGISTRY = {}

def register(name):
    def deco(fn):
        REGISTRY[name] = fn
        return fn
    return deco

def slugify(text):
    out = []
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")

def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]

def not_exported():
    return "only via module attribute"

if __name__ == "__main__":
    print("lib_util run as a program")
else:
    print("lib_util imported as", __name__)
