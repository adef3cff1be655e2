# f-strings: expressions, nested quotes, conversions, self-documenting =, escapes.
name = "World"
n = 42
items = [1, 2, 3]
print(f"Hello, {name}!")
print(f"{n} squared is {n * n}; half is {n / 2}")
print(f"{name!r} {name!s} {name!a}", f"{'ünï'!a}")
print(f"{items} {items[0]} {len(items)} {items[-1] + 1}")
print(f"{{literal braces}} {{{n}}}")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{n=}", f"{n + 1 = }", f"{name = !r}")
print(f"{'nested ' + f'{n}'}")
print(f"multi" f"part {n}" "plain")
print(f"{3.14159:.2f} {n:5d}| {n:<5}| {n:>5}| {n:^6}| {n:05}")
width = 8
print(f"{name:>{width}}|{name:*^{width + 2}}|")
print(f"{1_000_000:,} {255:x} {255:#X} {5:b} {0.5:%} {12345.678:e}")
print(f"{True} {None} {3 > 2}")
print(f"""triple {n}
second line""")
obj = type("O", (), {"__format__": lambda self, spec: "fmt[" + spec + "]"})()
print(f"{obj:anything}", f"{obj}")
