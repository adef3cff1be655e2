# Roman numeral conversion both ways with validation and round-trip checks.
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError(f"{n} out of range")
    out = []
    for v, s in VALUES:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)
def from_roman(s):
    table = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = table[a]
        total += -v if b != " " and table[b] > v else v
    if to_roman(total) != s:
        raise ValueError(f"non-canonical numeral {s}")
    return total
print([to_roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]])
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
for s in ["MCMXCIV", "IIII", "XLII", "IC", "Q"]:
    try:
        print(s, from_roman(s))
    except ValueError as e:
        print(s, "ValueError:", e)
    except KeyError as e:
        print(s, "KeyError:", e)
try:
    to_roman(0)
except ValueError as e:
    print("ValueError:", e)
