// Differential tests of itertools against CPython 3.11: results, laziness (what each iterator
// consumes and when), reprs, argument errors, and reference ownership (no leaks, cycles
// through iterators collected).
import { describe } from "vitest";
import { differentialSuite, probe, py } from "./testing/differential.js";

const errors = [
  "count(1, 2, 3)", "count('a')", "count(x=1)", "count(start=1, step='b')", "islice()", "islice([1])", "islice([1], -1)",
  "islice([1], 1, -1)", "islice([1], 0, 1, 0)", "islice([1], 'a')", "islice([1], 1, x=2)", "islice([1], 1, 2, 3, 4)",
  "permutations()", "permutations([1], 'a')", "permutations([1], -1)", "product(repeat=-1)", "product(x=1)", "product(1)",
  "combinations([1])", "combinations([1], -1)", "combinations_with_replacement([1], -1)", "chain(x=1)", "chain.from_iterable()",
  "repeat()", "repeat(1, 'a')", "repeat(1, 2, 3)", "cycle()", "cycle(1)", "cycle([1], x=1)", "accumulate()",
  "accumulate([1], None, None)", "starmap(len)", "takewhile(len)", "dropwhile()", "zip_longest(x=1)", "zip_longest(1)",
  "groupby()", "groupby([1], 1, 2)", "tee()", "tee([1], -1)", "tee(1)", "compress([1])", "filterfalse(len)", "pairwise()",
  "list(chain(1))", "list(starmap(pow, [1]))", "len(count())", "list(accumulate([1, 'a']))", "next(repeat(1, 0))",
  "list(islice(range(10), 2**70))[:3]", "repeat(1).__length_hint__()", "repeat(1, 3).__length_hint__()",
];

describe("itertools", () => {
  differentialSuite({
    "infinite and slicing": py`
      from itertools import *
      print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), list(islice(count(0.5, 0.25), 4)), repr(count(3)), repr(count(1, 2)))
      print(repr(count(0.5, 1)), repr(count(1, 1.0)), repr(count(-3)), list(islice(count(2**62, 2**62), 3)))
      c = count(5); next(c); print(c, next(c), c.__next__(), next(iter(c)))
      print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)))
      print(list(islice('abcdefg', None)), list(islice('abc', 5, 10)), list(islice(range(100), 10, 20, 3)), list(islice([], 3)))
      print(list(repeat(10, 3)), repr(repeat('x')), repr(repeat(1, 2)), repr(repeat('a', -2)), list(zip(range(3), repeat('a'))))
      r = repeat(7, 3); next(r); print(r, list(r), r)
      print(list(islice(cycle('ab'), 5)), list(cycle([])))
      x = [1, 2]; c = cycle(x); x.append(3); print(list(islice(c, 7)))
    `,
    "combinatorics": py`
      from itertools import *
      print(list(permutations('abc')), list(permutations(range(4), 2)), list(permutations([], 0)), list(permutations([1], 2)))
      print(list(permutations('ab', 0)), list(permutations('abcd', 4))[-3:], len(list(permutations(range(6)))))
      print(list(product('ab', range(2))), list(product([0, 1], repeat=3)), list(product()), list(product('ab', [])))
      print(list(product('ab', repeat=0)), list(product([1, 2], 'x', repeat=2)))
      print(list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('a', 0)), list(combinations('a', 2)))
      print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 1)))
      print(len(list(combinations(range(10), 4))), list(combinations_with_replacement('ab', 3)))
    `,
    "chaining and filtering": py`
      from itertools import *
      print(list(chain('abc', 'def')), list(chain.from_iterable(['ab', 'cd'])), list(chain()), list(chain([], [1], [])))
      print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=100)))
      print(list(accumulate([])), list(accumulate([], initial=5)), list(accumulate('abc')), list(accumulate([3, 1, 4, 1, 5], max)))
      print(list(starmap(pow, [(2, 5), (3, 2)])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
      print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('ab', range(3))), list(zip_longest()), list(zip_longest('a')))
      print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
      print(list(compress('ABC', [1, 1])), list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
    `,
    "groupby": py`
      from itertools import groupby
      print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')], [list(g) for k, g in groupby('AAAABBBCCD')])
      print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)], list(groupby([])))
      g = groupby('aabbc'); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2), [k for k, _ in g])
      g = groupby('aaab'); k, grp = next(g); print(next(grp), next(g)[0], list(grp))
      words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
      for letter, items in groupby(words, key=lambda w: w[0]):
          print(letter, list(items))
      print(type(next(groupby('a'))[1]).__name__)
    `,
    "tee": py`
      from itertools import tee, count, islice
      a, b = tee([1, 2, 3]); print(list(a), list(b))
      a, b, c = tee(range(4), 3); print(next(a), next(a), list(b), list(a), list(c))
      print(tee([1], 0), len(tee('ab')), type(tee('a')[0]).__name__)
      x, y = tee(count()); print(list(islice(x, 3)), list(islice(y, 5)), next(x))
    `,
    laziness: py`
      from itertools import *
      log = []
      def gen(n):
          for i in range(n):
              log.append(i)
              yield i
      it = islice(gen(10), 2, 6, 2); print(log, next(it), log, list(it), log)
      log.clear(); it = takewhile(lambda v: v < 3, gen(10)); print(list(it), log)
      log.clear(); it = chain(gen(2), gen(2)); next(it); print(log)
      log.clear(); z = zip_longest(gen(2), gen(3)); print(list(z), log)
      log.clear(); p = product(gen(2), gen(2)); print(log); print(list(p))
      log.clear(); c = cycle(gen(3)); print([next(c) for _ in range(5)], log)
      log.clear(); g = groupby(gen(4), key=lambda v: v // 2); k, grp = next(g); print(k, log); print(list(grp), log)
    `,
    "types and attributes": py`
      import itertools
      print(itertools.count, itertools.chain, type(itertools.count()), itertools.count.__name__, itertools.islice.__module__)
      print(isinstance(itertools.repeat(1), itertools.repeat), iter(itertools.count()) is not None)
      it = itertools.chain('ab'); print(iter(it) is it, next(it), it.__next__())
    `,
    errors: probe("from itertools import *", errors),
    "cycles through iterators are collected": py`
      import gc, itertools
      class Box:
          pass
      for _ in range(3):
          b = Box()
          b.it = itertools.cycle([b])
          b.ch = itertools.chain([b], [b])
          b.acc = itertools.accumulate([b], lambda x, y: x)
          b.g = itertools.groupby([b, b])
          next(b.g)
          b.t = itertools.tee([b])
      del b
      print(gc.collect() > 0)
    `,
  });
});
