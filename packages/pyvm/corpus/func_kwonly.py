# Keyword-only parameters after * and after *args.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"

print(connect("a"))
print(connect("b", port=443, secure=True))
print(connect(host="c", secure=True))

def log(*messages, level="INFO", sep=" "):
    return f"[{level}] " + sep.join(messages)

print(log("hello", "world"))
print(log("x", "y", level="WARN", sep="|"))

def required_kw(*, a, b=2):
    return a * b

print(required_kw(a=3), required_kw(b=5, a=4))

try:
    connect("d", 8080)
except TypeError as e:
    print("TypeError:", e)

try:
    required_kw()
except TypeError as e:
    print("TypeError:", e)

print(connect.__kwdefaults__)
