// Differential tests of the random module against CPython 3.11: seeded programs must print
// exactly what CPython prints (every function, module level and on Random instances), and
// argument errors must carry random.py's messages.
import { describe, expect, it } from "vitest";
import { differentialSuite, probe, py, runPyvm } from "./testing/differential.js";

const errors = [
  "random.randint(1)", "random.randint(1, 2, 3)", "random.choice([])", "random.choice()", "random.randrange(0)",
  "random.randrange(1.5)", "random.randrange(5, 5)", "random.randrange(0, 10, 0)", "random.randrange(10, 0, 2)",
  "random.randrange(1, 2, 1.5)", "random.randrange(10, step=2)", "random.sample({1, 2}, 1)", "random.sample([1], 2)",
  "random.sample([1], -1)", "random.sample([1, 2], 1, counts=[1])", "random.sample([1, 2], 1, counts=[0, 0])",
  "random.sample([1], 1, 2)", "random.random(1)", "random.Random(1, 2)", "random.seed([1])", "random.seed(1, 2, 3)",
  "random.gammavariate(-1, 1)", "random.getrandbits(-1)", "random.getrandbits()", "random.choices([], k=2)",
  "random.choices([1, 2], [1])", "random.choices([1], weights=[1], cum_weights=[1])", "random.choices([1, 2], [0, 0])",
  "random.expovariate(0)", "random.expovariate()", "random.uniform(1)", "random.shuffle()", "random.shuffle([1], 2)",
  "random.setstate((1, 2, 3))", "random.setstate((3, (1, 2), None))", "random.gauss(1, 2, 3)", "random.triangular(1, 2, 3, 4)",
  "random.randint(1, x=2)", "random.choice(5)", "random.getstate(1)",
];

describe("random: seeded streams match CPython", () => {
  differentialSuite({
    "integers and sequences": py`
      import random
      for seed in [0, 1, 42, 2**40 + 5, -7, 2**100, 123456789]:
          random.seed(seed)
          print(random.random(), random.randint(1, 100), random.randrange(10), random.randrange(0, 100, 7))
          print(random.randrange(-50, 50), random.randrange(100, 0, -3), random.randint(-10**20, 10**20))
          print(random.choice("abcdef"), random.choice([1, 2, 3]), random.choice(range(1000)), random.choice((4, 5)))
          l = list(range(20)); random.shuffle(l); print(l)
          print(random.sample(range(100), 5), random.sample([1, 2, 3, 4, 5], 3), random.sample("abcdefgh", 8))
          print(random.sample(range(10**6), 10), random.sample(['a', 'b', 'c'], 4, counts=[2, 3, 1]))
          print(random.getrandbits(1), random.getrandbits(32), random.getrandbits(53), random.getrandbits(100), random.getrandbits(0))
    `,
    "choices": py`
      import random
      random.seed(5)
      print(random.choices([1, 2, 3], k=5), random.choices('abc', weights=[1, 5, 1], k=4))
      print(random.choices('abc', cum_weights=[1, 2, 10], k=3), random.choices(range(50)), random.choices('xy', [1, 1], k=0))
      print(random.choices([10, 20], weights=[0.5, 2.5], k=6), random.choices('abc', k=-2))
    `,
    "real distributions": py`
      import random
      for seed in [3, 99]:
          random.seed(seed)
          print(random.uniform(1, 2), random.uniform(-5, 5.5), random.gauss(0, 1), random.gauss(), random.gauss(10, 0.5))
          print(random.triangular(), random.triangular(0, 10, 2), random.triangular(3, 3), random.triangular(1, 5, 5))
          print(random.normalvariate(5, 2), random.normalvariate(), random.expovariate(1.5), random.expovariate(0.01))
          print(random.betavariate(2, 3), random.betavariate(0.5, 0.5), random.gammavariate(0.5, 1), random.gammavariate(1, 3))
          print(random.gammavariate(3, 2), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.vonmisesvariate(0, 0))
          print(random.paretovariate(3), random.weibullvariate(1, 2), random.weibullvariate(2.5, 0.7))
    `,
    "seeds of every kind": py`
      import random
      for s in [0, 1, -1, 3.5, -3.5, 2.0, -2.0, 1e300, 0.1, "hello", "", "héllo wörld", True, 2**64 - 1, -(2**70)]:
          random.seed(s)
          print(repr(s), random.random())
      random.seed("abc", version=1); print(random.random())
      random.seed(12, version=1); print(random.random())
      random.seed(a=7, version=2); print(random.random())
    `,
    "state save and restore": py`
      import random
      random.seed(2024)
      s = random.getstate()
      a = [random.random() for _ in range(3)] + [random.gauss()]
      random.setstate(s)
      b = [random.random() for _ in range(3)] + [random.gauss()]
      print(a == b, len(s), s[0], len(s[1]), s[2], s[1][-1], s[1][:3])
      random.gauss()
      t = random.getstate()
      print(t[2])
      r = random.Random()
      r.setstate(t)
      print(r.gauss(), random.gauss(), r.random() == random.random())
    `,
    "Random instances are independent": py`
      import random
      r = random.Random(7)
      q = random.Random(7)
      print(r.random(), r.randint(1, 6), r.choice([10, 20, 30]), q.random())
      random.seed(7)
      print(random.random(), type(r).__name__, type(r), isinstance(r, random.Random))
      r2 = random.Random("hello"); print(r2.random(), r2.sample(range(10), 3))
      r3 = random.Random(); r3.seed(11); print(r3.random(), random.Random(11).random())
      lst = [1, 2, 3, 4, 5, 6]; random.Random(0).shuffle(lst); print(lst)
      print(random.Random.random(random.Random(1)), random.Random(x=1).random())
    `,
    errors: probe("import random\nrandom.seed(1)", errors),
    "shuffle of other mutable sequences": py`
      import random
      class Seq:
          def __init__(self, items): self.items = items
          def __len__(self): return len(self.items)
          def __getitem__(self, i): return self.items[i]
          def __setitem__(self, i, v): self.items[i] = v
      random.seed(8)
      s = Seq(list('abcdefg')); random.shuffle(s); print(s.items)
      l = list('abcdefg'); random.seed(8); random.shuffle(l); print(l)
    `,
  });
});

describe("random: the hidden instance", () => {
  it("is seeded from entropy when never seeded", () => {
    const a = runPyvm("import random\nprint(random.random(), random.getrandbits(64))\n");
    const b = runPyvm("import random\nprint(random.random(), random.getrandbits(64))\n");
    expect(a.error).toBeNull();
    expect(a.stdout).not.toBe(b.stdout);
  });
});
