# Bit-level oracle for the math module tests: draws many arguments per function (deterministic
# random doubles over each function's interesting ranges plus fixed edge cases), applies CPython's
# math function and prints JSON {name: {"args": [[hex, ...], ...], "out": [...]}} where every
# float is its 16-hex-digit bit pattern and a raised error is its type name.
# Usage: python3 math_bits.py COUNT NAME... (COUNT random arguments per function).
import json
import math
import random
import struct
import sys

INF = math.inf
NAN = math.nan


def hx(x):
    return struct.pack(">d", x).hex()


def from_bits(b):
    return struct.unpack(">d", struct.pack(">Q", b))[0]


def nudge(x, ulps):
    """x moved by `ulps` units in the last place (within the finite range)."""
    b = struct.unpack(">q", struct.pack(">d", x))[0]
    if b < 0:
        b = -(b & 0x7FFFFFFFFFFFFFFF)
    b += ulps
    if b < 0:
        b = (-b) | (1 << 63)
    return from_bits(b & 0xFFFFFFFFFFFFFFFF)


EDGE = [
    0.0, -0.0, 5e-324, -5e-324, 1e-310, -1e-310, 2.2250738585072014e-308, -2.2250738585072014e-308,
    2.225073858507201e-308, 1e-300, -1e-300, 1e-100, 1e-20, -1e-20, 2.0 ** -60, 2.0 ** -55, 2.0 ** -54,
    2.0 ** -53, 1.1102230246251565e-16, 2.0 ** -29, 2.0 ** -28, 2.0 ** -27, 2.0 ** -26, 1e-8, 1e-5, 1e-3,
    0.1, 0.125, 0.25, 0.3, 0.34657359027997264, 0.5, -0.5, 0.75, 0.9, 1 - 2.0 ** -53, 1.0, -1.0,
    1 + 2.0 ** -52, 1.0397207708399179, 1.5, 2.0, -2.0, 2.5, 3.0, math.e, math.pi, -math.pi,
    math.pi / 2, -math.pi / 2, math.pi / 4, 3 * math.pi / 2, 5.0, 10.0, 22.0, 28.0, 38.5, 100.0,
    171.0, 171.5, 200.0, 709.0, 709.78, 709.7827128933840, 710.0, 710.4758600739439, 711.0, 745.0,
    1000.0, 1024.0, 1100.0, 2.0 ** 26, 2.0 ** 28, 2.0 ** 30, 1e10, 1e16, 2.0 ** 53, 1e22, 1e100,
    1e300, 1.7976931348623157e308, -1.7976931348623157e308, -3.0, -10.0, -22.0, -100.0, -709.78,
    -710.0, -745.2, -1000.0, -1e300, INF, -INF, NAN,
]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def u(self, a, b):
        return self.r.uniform(a, b)

    def sign(self):
        return -1.0 if self.r.random() < 0.5 else 1.0

    def logu(self, lo, hi, signed=True):
        """A double of magnitude log-uniform in [lo, hi]."""
        v = 2.0 ** self.r.uniform(math.log2(lo), math.log2(hi))
        v = float(v) * (1 + self.r.random() * 1e-9)
        return self.sign() * v if signed else v

    def bits(self):
        """Any finite or infinite double (random bit pattern, NaNs excluded)."""
        while True:
            x = from_bits(self.r.getrandbits(64))
            if x == x:
                return x

    def subnormal(self):
        return self.sign() * from_bits(self.r.getrandbits(52) or 1)

    def near(self, c, spread=1000):
        return nudge(c, self.r.randint(-spread, spread))

    def near_int(self, lo, hi, scale=1e-6):
        return self.r.randint(lo, hi) + self.u(-scale, scale)


def mix(g, n, parts):
    """n arguments drawn from weighted generator parts [(weight, fn), ...]."""
    total = sum(w for w, _ in parts)
    out = []
    for w, fn in parts:
        out.extend(fn() for _ in range(round(n * w / total)))
    return out


def unary_inputs(name, g, n):
    u, logu = g.u, g.logu
    common = [(1, g.bits), (0.2, g.subnormal)]
    table = {
        "tan": [(5, lambda: u(-7, 7)), (3, lambda: u(-100, 100)), (2, lambda: logu(1e-10, 1e22)),
                (1, lambda: logu(1e-300, 1e300)), (2, lambda: g.near(g.r.randint(-2000, 2000) * math.pi / 2, 10**6)),
                (1, lambda: logu(1e8, 1e12))],
        "asin": [(6, lambda: u(-1, 1)), (2, lambda: g.sign() * (1 - logu(1e-17, 0.1, False))),
                 (2, lambda: logu(1e-12, 0.5)), (0.3, lambda: u(-5, 5))],
        "atan": [(4, lambda: logu(1e-10, 1e10)), (4, lambda: u(-10, 10)), (2, lambda: logu(1e-300, 1e300)),
                 (1, lambda: u(-1, 1))],
        "log2": [(4, lambda: logu(1e-300, 1e300, False)), (3, lambda: u(0.5, 2)),
                 (2, lambda: 1 + logu(1e-16, 0.06)), (0.3, lambda: -logu(1e-5, 1e5, False)),
                 (0.3, lambda: float(2 ** g.r.randint(-1074, 1023)))],
        "log10": [(4, lambda: logu(1e-300, 1e300, False)), (3, lambda: u(0.5, 2)),
                  (2, lambda: 1 + logu(1e-16, 0.06)), (0.3, lambda: -logu(1e-5, 1e5, False)),
                  (0.3, lambda: float(10 ** g.r.randint(0, 22)))],
        "sinh": [(3, lambda: u(-1, 1)), (3, lambda: u(-25, 25)), (2, lambda: u(-712, 712)),
                 (1, lambda: logu(1e-20, 1)), (1, lambda: g.sign() * u(709, 711))],
        "cosh": [(3, lambda: u(-1, 1)), (3, lambda: u(-25, 25)), (2, lambda: u(-712, 712)),
                 (1, lambda: logu(1e-20, 0.4)), (1, lambda: g.sign() * u(709, 711))],
        "tanh": [(4, lambda: u(-3, 3)), (2, lambda: u(-25, 25)), (2, lambda: logu(1e-20, 1)),
                 (1, lambda: u(-1, 1))],
        "asinh": [(3, lambda: logu(1e-20, 1e20)), (3, lambda: u(-3, 3)), (2, lambda: logu(1e-300, 1e300)),
                  (1, lambda: u(-1, 1))],
        "acosh": [(3, lambda: 1 + logu(1e-16, 1, False)), (3, lambda: u(1, 3)), (2, lambda: logu(1, 1e300, False)),
                  (1, lambda: u(-2, 1)), (1, lambda: u(2, 1e9))],
        "atanh": [(5, lambda: u(-1, 1)), (2, lambda: g.sign() * (1 - logu(1e-16, 0.5, False))),
                  (2, lambda: logu(1e-20, 0.5)), (0.3, lambda: u(-3, 3))],
        "log1p": [(3, lambda: logu(1e-20, 1e300, False)), (2, lambda: -1 + logu(1e-16, 1, False)),
                  (3, lambda: u(-0.5, 0.5)), (2, lambda: u(-1, 3)), (1, lambda: logu(1e-20, 1e-3)),
                  (0.3, lambda: u(-5, -1))],
        "expm1": [(3, lambda: u(-1, 1)), (3, lambda: u(-40, 40)), (2, lambda: u(-750, 712)),
                  (2, lambda: logu(1e-20, 0.5)), (1, lambda: u(-0.35, 0.35))],
        "exp2": [(3, lambda: u(-1, 1)), (3, lambda: u(-1080, 1030)), (2, lambda: g.near_int(-1075, 1024)),
                 (1, lambda: logu(1e-20, 1e-3))],
        "cbrt": [(4, lambda: logu(1e-320, 1e308)), (3, lambda: u(-10, 10)),
                 (1, lambda: float(g.r.randint(-10**5, 10**5) ** 3))],
        "erf": [(4, lambda: u(-6, 6)), (2, lambda: u(-1, 1)), (2, lambda: logu(1e-20, 1)), (1, lambda: u(-30, 30))],
        "erfc": [(4, lambda: u(-6, 28)), (2, lambda: u(-1, 1)), (2, lambda: logu(1e-20, 1)), (1, lambda: u(-30, 30))],
        "gamma": [(4, lambda: u(-180, 180)), (3, lambda: u(-5, 10)), (2, lambda: logu(1e-25, 1)),
                  (1, lambda: g.near_int(-180, 180, 1e-9)), (1, lambda: u(-250, 250)), (0.3, lambda: float(g.r.randint(-30, 30)))],
        "lgamma": [(4, lambda: u(-300, 300)), (3, lambda: u(-5, 10)), (2, lambda: logu(1e-25, 1e300)),
                   (1, lambda: g.near_int(-180, 180, 1e-9)), (1, lambda: u(0.5, 3)), (0.3, lambda: float(g.r.randint(-30, 30)))],
        "sin": [(3, lambda: u(-10, 10)), (3, lambda: logu(1e8, 1e300)), (1, lambda: logu(1e5, 1e9)),
                (1, lambda: g.near(g.r.randint(1, 10**6) * math.pi, 10**6))],
        "cos": [(3, lambda: u(-10, 10)), (3, lambda: logu(1e8, 1e300)), (1, lambda: logu(1e5, 1e9)),
                (1, lambda: g.near(g.r.randint(1, 10**6) * math.pi, 10**6))],
        "ulp": [(3, lambda: logu(1e-320, 1e308)), (1, lambda: u(-10, 10))],
    }
    return EDGE + mix(g, n, table[name] + common)


def binary_inputs(name, g, n):
    u, logu = g.u, g.logu
    special = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 5e-324, 1.7976931348623157e308, INF, -INF, NAN, math.pi, -3.0]
    pairs = [(a, b) for a in special for b in special]
    if name == "atan2":
        parts = [(3, lambda: (u(-1, 1), u(-1, 1))), (3, lambda: (u(-10, 10), u(-10, 10))),
                 (2, lambda: (logu(1e-300, 1e300), logu(1e-300, 1e300))), (2, lambda: (logu(1e-5, 1e5), logu(1e-5, 1e5))),
                 (1, lambda: (g.bits(), g.bits())), (0.5, lambda: (logu(1e-3, 1e3), g.sign() * 0.0))]
    elif name in ("fmod", "remainder"):
        parts = [(3, lambda: (u(-100, 100), u(-10, 10))), (2, lambda: (logu(1e-300, 1e300), logu(1e-300, 1e300))),
                 (2, lambda: (logu(1, 1e20), logu(1e-3, 10))), (1, lambda: (g.bits(), g.bits())),
                 (1, lambda: (float(g.r.randint(-1000, 1000)), float(g.r.randint(1, 20)) * g.sign() / 2))]
    elif name == "hypot":
        parts = [(3, lambda: (u(-10, 10), u(-10, 10))), (2, lambda: (logu(1e-300, 1e300), logu(1e-300, 1e300))),
                 (2, lambda: (logu(1e-5, 1e5), logu(1e-5, 1e5))), (1, lambda: (g.bits(), g.bits())),
                 (1, lambda: (g.subnormal(), g.subnormal()))]
    elif name == "nextafter":
        parts = [(3, lambda: (u(-10, 10), u(-10, 10))), (2, lambda: (logu(1e-320, 1e308), logu(1e-320, 1e308))),
                 (1, lambda: (g.bits(), g.bits()))]
    elif name == "pow":
        parts = [(3, lambda: (u(0, 10), u(-20, 20))), (2, lambda: (logu(1e-300, 1e300), u(-3, 3))),
                 (2, lambda: (u(-10, 0), float(g.r.randint(-30, 30)))), (1, lambda: (g.bits(), g.bits()))]
    else:
        raise SystemExit("unknown function " + name)
    return pairs + mix(g, n, parts)


def fsum_inputs(g, n):
    """Lists of 2..12 floats with heavy cancellation, exact ties and specials."""
    out = []
    for _ in range(n):
        k = g.r.randint(2, 12)
        kind = g.r.random()
        if kind < 0.4:
            xs = [g.logu(1e-20, 1e20) for _ in range(k)]
            xs.append(-sum(xs))
        elif kind < 0.7:
            xs = [g.u(-1, 1) * 2.0 ** g.r.randint(-60, 60) for _ in range(k)]
        elif kind < 0.9:
            big = 2.0 ** g.r.randint(50, 60)
            xs = [big, 1.0, -big, g.sign() * 2.0 ** g.r.randint(-60, 0), g.sign() * 2.0 ** g.r.randint(-120, -60)]
        else:
            xs = [g.bits() for _ in range(k)]
        out.append(xs)
    out += [[INF, 1.0], [INF, -INF], [NAN, 1.0], [1e308, 1e308], [1e308, 1e308, -1e308], [], [-0.0], [-0.0, -0.0], [0.0, -0.0]]
    return out


def call(fn, args):
    try:
        r = fn(*args)
    except (ValueError, OverflowError) as e:
        return type(e).__name__ + ": " + str(e)
    return hx(r)


def main():
    count = int(sys.argv[1])
    result = {}
    for i, name in enumerate(sys.argv[2:]):
        g = Gen(1000 + i * 7919 + sum(map(ord, name)))
        if name in ("atan2", "fmod", "remainder", "hypot", "nextafter", "pow"):
            args = binary_inputs(name, g, count)
        elif name == "fsum":
            args = [tuple(xs) for xs in fsum_inputs(g, count)]
        else:
            args = [(x,) for x in unary_inputs(name, g, count)]
        fn = getattr(math, name)
        if name == "fsum":
            out = [call(lambda *xs: fn(xs), a) for a in args]
        else:
            out = [call(fn, a) for a in args]
        result[name] = {"args": [[hx(x) for x in a] for a in args], "out": out}
    json.dump(result, sys.stdout, separators=(",", ":"))


main()
