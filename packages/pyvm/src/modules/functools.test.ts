// Differential tests of functools and operator against CPython 3.11: results, reprs,
// argument errors, partial flattening, wraps, and the LRU cache's keys, statistics and eviction.
import { describe } from "vitest";
import { differentialSuite, probe, py } from "./testing/differential.js";

const errors = [
  "reduce(operator.add, [])", "partial()", "partial(1)", "reduce()", "reduce(1)", "reduce(len, [1], 2, 3)",
  "operator.add(1)", "operator.add(x=1)", "operator.neg()", "operator.neg(1, 2)", "operator.not_()", "operator.itemgetter()",
  "operator.itemgetter(1)()", "operator.attrgetter(1)", "operator.methodcaller()", "operator.methodcaller(1)",
  "operator.concat(1, 2)", "operator.indexOf([1], 5)", "operator.is_(1)", "operator.iadd(1)", "operator.add(1, 'a')",
  "operator.length_hint()", "operator.getitem([], 1)", "operator.attrgetter('a.b')(1)", "lru_cache('a')",
  "lru_cache(maxsize=None)(len)([])", "operator.index(1.5)", "partial(len).func is len",
];

describe("functools and operator", () => {
  differentialSuite({
    "everything at once": py`
      import operator, functools
      from functools import reduce, partial, wraps, lru_cache, cache
      print(operator.add(1, 2), operator.sub(5, 3), operator.mul('a', 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10))
      print(operator.neg(5), operator.not_(0), operator.truth([]), operator.eq(1, 1.0), operator.lt('a', 'b'), operator.getitem([1, 2], 1), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.index(True), operator.contains([1], 1), operator.concat([1], [2]))
      l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.is_(None, None), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'), operator.__add__(1, 1), operator.iadd([1], [2]))
      ig = operator.itemgetter(1); ig2 = operator.itemgetter(0, 2); print(ig('abc'), ig2('abc'), ig, ig2, sorted([(1, 'b'), (2, 'a')], key=ig))
      class P:
          def __init__(self): self.a = 1; self.b = self
          def f(self, x, y=2): return x + y
      ag = operator.attrgetter('a'); ag2 = operator.attrgetter('b.a', 'a'); print(ag(P()), ag2(P()), ag, ag2)
      mc = operator.methodcaller('f', 5, y=10); print(mc(P()), mc, operator.methodcaller('upper')('abc'))
      print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(operator.add, [], 0))
      p = partial(int, base=2); print(p('101'), p.func, p.args, p.keywords, p)
      def f(a, b, c=0, *, d=1): return (a, b, c, d)
      p2 = partial(f, 1, d=5); print(p2(2), p2(2, 3, d=7), partial(p2, 9)(), partial(p2, 9).args, partial(p2, 9).func is f)
      def deco(fn):
          @wraps(fn)
          def wrapper(*a, **k):
              return fn(*a, **k)
          return wrapper
      @deco
      def hello(x):
          "doc of hello"
          return x * 2
      print(hello(4), hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__)
      @lru_cache(maxsize=None)
      def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
      print(fib(80), fib.cache_info(), fib.__name__)
      @lru_cache(maxsize=2)
      def sq(x): return x * x
      for v in [1, 2, 1, 3, 2, 1]: sq(v)
      print(sq.cache_info()); sq.cache_clear(); print(sq.cache_info())
      @cache
      def g(a, b=1): return a + b
      print(g(1), g(1), g(1, b=1), g(a=1), g.cache_info())
      @lru_cache
      def h(x): return [x]
      print(h(1) is h(1), h.cache_info(), h.cache_parameters())
      class C:
          @lru_cache(maxsize=None)
          def m(self, x): return x + 1
      c = C(); print(c.m(1), c.m(1), C.m.cache_info())
      K = functools.cmp_to_key(lambda a, b: b - a); print(sorted([3, 1, 2], key=K))
      @functools.total_ordering
      class V:
          def __init__(self, v): self.v = v
          def __eq__(self, o): return self.v == o.v
          def __lt__(self, o): return self.v < o.v
      print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
    `,
    "lru_cache keys and eviction": py`
      from functools import lru_cache
      calls = []
      @lru_cache(maxsize=3)
      def f(*args, **kw):
          calls.append((args, kw))
          return len(calls)
      for a in [1, 2, 1, 3, 4, 1, 2, 2, 1.0, True, 'x', 'x']:
          f(a)
      print(f.cache_info(), calls)
      f(1, k=2); f(1, k=2); f(k=2, x=1); f(x=1, k=2); print(f.cache_info())
      @lru_cache(maxsize=None, typed=True)
      def g(x):
          return type(x).__name__
      print(g(1), g(1.0), g(True), g.cache_info())
      @lru_cache(maxsize=0)
      def h(x):
          return x
      print(h(1), h(1), h.cache_info())
      @lru_cache(maxsize=-5)
      def k(x):
          return x
      print(k(1), k.cache_info())
      print(f.__wrapped__ is not None, f.__name__, f.__qualname__, f.__module__, f.cache_parameters())
    `,
    "operator dunders and in-place forms": py`
      import operator as op
      l = [1]; print(op.iadd(l, [2]) is l, l, op.imul([1], 3), op.isub(5, 2), op.ipow(2, 5), op.ilshift(1, 4), op.ixor(5, 1))
      print(op.__add__(1, 2), op.__not__(1), op.__neg__(3), op.__getitem__('ab', 0), op.__lt__(1, 2), op.__index__(7), op.inv(5))
      print(op.lshift(1, 10), op.rshift(1024, 3), op.mod('%s!', 'hi'), op.truediv(1, 4), op.pos(-2), op.abs(-3), op.length_hint(iter([1, 2])))
      print(op.is_not(1, None), op.contains('abc', 'b'), op.countOf('hello', 'l'), op.eq([1], [1]), op.ne(1, 2), op.ge(2, 2), op.gt(1, 2), op.le(3, 3))
    `,
    errors: probe("import operator\nfrom functools import *", errors),
  });
});
