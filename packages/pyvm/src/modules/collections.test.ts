// Differential tests of collections against CPython 3.11: deque, defaultdict, Counter,
// OrderedDict and namedtuple — results, reprs, argument errors, mutation checks and reference
// ownership (no leaks; cycles through containers collected).
import { describe } from "vitest";
import { differentialSuite, probe, py } from "./testing/differential.js";

const errors = [
  "deque([], 'a')", "deque([], -1)", "deque(1)", "deque(x=1)", "deque([1], 2, 3)", "deque().pop()", "deque().popleft()",
  "d.remove(9)", "d.index(9)", "d[5]", "d['a']", "d[1:2]", "deque([1], 1).insert(0, 2)", "d.rotate('a')", "d.count()",
  "d.append()", "d.append(1, 2)", "hash(d)", "d < [1]", "d + [1]", "d * 'a'", "d.extend(1)", "d.clear(1)", "next(d)",
  "defaultdict(1)", "defaultdict(list, 1)", "defaultdict()[5]", "Counter(1)", "OrderedDict(a=1).move_to_end('z')",
  "OrderedDict().popitem()", "Counter('aab').update(1)", "hash(Counter())", "P(1)", "P(1, 2, 3)", "P(1, y=2, z=3)",
  "P._make([1])", "p._replace(z=1)", "namedtuple('1a', 'x')", "namedtuple('A', 'class')", "namedtuple('A', '_x')",
  "namedtuple('A', 'x x')", "namedtuple('A', ['x', 1])", "namedtuple('A', 'x', defaults=[1, 2])", "p[5]",
  "len(defaultdict(list, a=1))", "d.maxlen", "defaultdict(int).pop('q')", "Counter().popitem()",
];

const mutation = py`
  from collections import deque
  d = deque([1, 2, 3])
  try:
      for x in d:
          d.append(x)
  except RuntimeError as e:
      print('RuntimeError', e)
  class Eq:
      def __eq__(self, other):
          d.clear()
          return False
  d.extend([1, 2])
  try:
      d.count(Eq())
  except RuntimeError as e:
      print('RuntimeError', e)
  it = iter(deque('ab')); print(list(it), list(it))
  print(list(reversed(deque(range(5)))), type(iter(d)).__name__, type(reversed(d)).__name__)
`;

describe("collections", () => {
  differentialSuite({
    "everything at once": py`
      from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
      d = deque([1, 2, 3])
      d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1], list(d), list(reversed(d)))
      print(d.pop(), d.popleft(), d); d.extend([7, 8]); d.extendleft([10, 11]); print(d)
      d.rotate(2); print(d); d.rotate(-3); print(d); d.reverse(); print(d, d.count(7), 7 in d, 99 in d)
      d.remove(7); print(d, d.index(8)); d.insert(1, 'x'); print(d); d[0] = 'y'; del d[1]; print(d, d.maxlen)
      b = deque(range(10), maxlen=3); print(b, b.maxlen); b.append(10); print(b); b.appendleft(-1); print(b)
      print(deque('abc') == deque('abc'), deque([1]) < deque([2]), deque([1, 2]) + deque([3]), deque([1]) * 3, bool(deque()), bool(deque([0])))
      e = deque(); e.append(e); print(e)
      q = deque([1,2]); q += [3]; print(q, q.copy(), deque(maxlen=0))
      q.clear(); print(q)
      dd = defaultdict(list); dd['a'].append(1); dd['b'].append(2); dd['a'].append(3); print(dd, dd['a'], len(dd), 'a' in dd, 'z' in dd, list(dd), sorted(dd.items()))
      dd2 = defaultdict(int); 
      for ch in 'hello': dd2[ch] += 1
      print(dd2, dd2.get('z'), dd2.default_factory, defaultdict(None), dict(dd2))
      x = defaultdict(lambda: 'N/A', {1: 'one'}); print(x[1], x[2], len(x), x == {1: 'one', 2: 'N/A'})
      c = Counter('abracadabra'); print(c, c.most_common(2), c['a'], c['z'], sorted(c.elements())[:5], c.total())
      c.update('aaz'); print(c); c.subtract({'a': 10}); print(c); print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3) - Counter(a=5))
      print(Counter(), Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter(a=1) == Counter(a=1, b=0), +Counter(a=-1, b=2), -Counter(a=-1))
      od = OrderedDict([('a', 1), ('b', 2), ('c', 3)]); od.move_to_end('a'); print(od); od.move_to_end('c', last=False); print(od, od.popitem(), od.popitem(last=False), od)
      Point = namedtuple('Point', ['x', 'y'])
      p = Point(1, 2); print(p, p.x, p.y, p[0], p[1], len(p), list(p), p == (1, 2), p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
      x0, y0 = p; print(x0, y0, hash(p) == hash((1, 2)), p < (1, 3), p + (3,), tuple(p), repr(Point), Point.__name__, type(p).__name__)
      P3 = namedtuple('P3', 'a, b c', defaults=[0, 9]); print(P3(1), P3(1, 2, 3), P3._field_defaults, P3.__doc__)
      R = namedtuple('R', ['abc', 'def', 'ghi', '_1', 'abc'], rename=True); print(R._fields)
      print(Point.x, Point(y=3, x=4))
    `,
    "deque mutation checks": mutation,
    "namedtuples are tuples": py`
      from collections import namedtuple
      P = namedtuple('P', 'x y')
      p = P(1, 2)
      print(isinstance(p, tuple), p.x, p[1], p + (3,), p * 2, p.index(2), p.count(1), sorted([P(2, 1), P(1, 5)]))
      print(P.x, P.x.__doc__, P.__doc__, P.__mro__, P._field_defaults, P.__match_args__, {p: 'v'}[(1, 2)])
      print(P(x=3, y=4), P(*[5, 6]), tuple(P(7, 8)), list(map(P._make, [(1, 2)])), p._asdict(), [f for f in p])
      Q = namedtuple('Q', 'a', module='mymod'); print(Q, Q(1), Q(a=2), Q.__module__)
      E = namedtuple('E', ''); print(E(), len(E()), E._fields)
      try:
          p.x = 5
      except AttributeError as e:
          print('AttributeError', e)
      try:
          p.z = 5
      except AttributeError as e:
          print('AttributeError', e)
    `,
    "Counter arithmetic and order": py`
      from collections import Counter
      a = Counter(a=3, b=1, c=-2); b = Counter(a=1, b=2, d=4)
      print(a + b, a - b, a | b, a & b, +a, -a, a.total(), sorted(a.elements()))
      a += b; print(a); a -= Counter(a=10); print(a); a |= Counter(z=1); print(a); a &= Counter(z=5, b=1); print(a)
      c = Counter('mississippi'); print(c.most_common(), c.most_common(0), c.most_common(-1), c.most_common(10)[:2])
      print(Counter({'x': 2}) == Counter(x=2, y=0), Counter(x=1) != Counter(x=2), Counter('ab') == {'a': 1, 'b': 1})
      c.subtract('ssss'); c.update({'m': 5}); c.update(q=2); print(c); del c['zz']; del c['m']; print(c, len(c), list(c))
      print(Counter([1, 1, 2]).get(1), Counter().most_common(), repr(Counter({'b': 1, 'a': 1})))
    `,
    "dict wrappers behave as dicts": py`
      from collections import defaultdict, OrderedDict
      d = defaultdict(list, [(1, 'a')], b=2)
      print(d, d.keys(), list(d.values()), d.items(), d.get(1), d.pop('b'), d.setdefault(3, 'x'), d)
      d.update({5: 6}); d.update(z=0); print(d, 5 in d, len(d), d.copy(), type(d.copy()).__name__, d == d.copy())
      d.default_factory = set; print(d[9], d.default_factory, d.__missing__(10), d); d.default_factory = None
      try:
          d[11]
      except KeyError as e:
          print('KeyError', e)
      r = defaultdict(list); r['self'] = r; print(r)
      o = OrderedDict(b=1, a=2); o['c'] = 3; o.move_to_end('b'); print(o, list(o), list(reversed(o)))
      print(o == OrderedDict(a=2, c=3, b=1), o == OrderedDict(c=3, a=2, b=1), o == {'c': 3, 'a': 2, 'b': 1}, dict(o))
      o.move_to_end('b', last=False); print(o, o.popitem(), o.popitem(last=False), o, o.copy())
    `,
    errors: probe(
      "from collections import *\nd = deque([1, 2, 3])\nP = namedtuple('P', 'x y')\np = P(1, 2)",
      errors,
    ),
    "cycles through collections are collected": py`
      import gc
      from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
      class Box:
          pass
      P = namedtuple('P', 'a b')
      for _ in range(3):
          b = Box()
          b.d = deque([b]); b.dd = defaultdict(list, {1: b}); b.c = Counter({b: 1}); b.o = OrderedDict(k=b); b.p = P(b, b)
      del b
      print(gc.collect() > 0)
    `,
  });
});
