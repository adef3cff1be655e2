// Differential tests of the smaller modules against CPython 3.11: io.StringIO, bisect, string,
// keyword, copy, gc and time (only deterministic facts of the clocks are printed).
import { describe } from "vitest";
import { differentialSuite, probe, py } from "./testing/differential.js";

const errors = [
  "io.StringIO(1)", "io.StringIO('x', 'y')", "io.StringIO().write(5)", "io.StringIO().seek(-1)", "io.StringIO().seek(1, 1)",
  "io.StringIO().seek(1, 2)", "io.StringIO('ab').seek(0, 3)", "closed.read()", "closed.getvalue()", "closed.write('x')",
  "io.StringIO().truncate(-1)", "bisect.bisect_left()", "bisect.bisect_left([1])", "bisect.bisect_left([1, 2], 1, -1)",
  "bisect.bisect_left([1, 2], 1, 0, 5)", "bisect.bisect_left(5, 1)", "bisect.bisect_left([1, 'a'], 2)",
  "bisect.insort((1, 2), 3)", "bisect.bisect_left([1, 2], 1, 1.5)", "bisect.bisect(x=1, a=[1])", "keyword.iskeyword([])",
  "gc.collect(3)", "gc.collect(-1)", "gc.collect('a')", "gc.set_threshold()", "gc.set_threshold(1, 2, 3, 4)",
  "gc.set_threshold(700.5)", "gc.enable(1)", "time.sleep(-1)", "time.sleep('a')", "time.sleep()", "time.time(1)",
  "copy.deepcopy(1, 2, 3, 4)", "string.capwords(1)",
];

describe("io, bisect, string, keyword, copy, gc, time", () => {
  differentialSuite({
    "everything at once": py`
      import io, bisect, string, keyword, copy, gc, time
      buf = io.StringIO()
      buf.write("hello "); print("world", 42, file=buf); print(buf.getvalue(), end=""); print(repr(buf.getvalue()), buf.tell())
      s = io.StringIO("line1\\nline2\\nline3")
      print(s.readline(), s.read(3), s.read(), repr(s.read()), s.tell()); s.seek(0); print(list(s)); s.seek(0); print(s.readlines())
      s = io.StringIO("abc\\ndef\\n"); print(s.read(2), s.readline(), s.readline(), s.readline() == '')
      s.seek(1); print(s.read()); s.truncate(2); print(repr(s.getvalue()), s.tell()); s.write("XY"); print(repr(s.getvalue()))
      with io.StringIO() as f:
          f.write("x"); f.writelines(["a\\n", "b"]); print(repr(f.getvalue()), f.closed)
      print(f.closed)
      u = io.StringIO("a\\r\\nb\\rc", newline=None); print(repr(u.getvalue()), u.readlines())
      n = io.StringIO("a\\r\\nb\\rc\\nd", newline=""); print(n.readlines())
      print(io.StringIO("é😀x").read(2), io.StringIO("é😀x").getvalue())
      a = [1, 2, 4, 4, 8]
      print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3), bisect.bisect_left(a, 0), bisect.bisect(a, 100))
      bisect.insort(a, 5); bisect.insort_left(a, 4); bisect.insort_right(a, 0); print(a)
      recs = [(1, 'a'), (3, 'b'), (5, 'c')]
      print(bisect.bisect_left(recs, 3, key=lambda r: r[0]), bisect.bisect_right(recs, 3, key=lambda r: r[0])); bisect.insort(recs, (4, 'x'), key=lambda r: r[0]); print(recs)
      print(string.ascii_letters, string.digits, string.punctuation, repr(string.whitespace), string.ascii_lowercase, string.ascii_uppercase, string.hexdigits, string.octdigits, string.capwords(' hello   world '))
      print(keyword.iskeyword('for'), keyword.iskeyword('foo'), len(keyword.kwlist), keyword.softkwlist, keyword.issoftkeyword('match'), keyword.iskeyword(3))
      l = [1, [2, 3], {'a': [4]}]
      c1 = copy.copy(l); c2 = copy.deepcopy(l)
      print(c1 == l, c1 is l, c1[1] is l[1], c2[1] is l[1], c2 == l, c2[2]['a'] is l[2]['a'])
      class P:
          def __init__(self, x): self.x = x; self.items = [x]
      p = P(5); q = copy.copy(p); r = copy.deepcopy(p); print(q.x, q.items is p.items, r.items is p.items, r.items, type(r).__name__)
      cyc = [1]; cyc.append(cyc); d = copy.deepcopy(cyc); print(d[1] is d, d[0])
      class S:
          __slots__ = ('a', 'b')
          def __init__(self): self.a = 1; self.b = [2]
      t = copy.deepcopy(S()); print(t.a, t.b)
      class CC:
          def __copy__(self): return 'custom copy'
          def __deepcopy__(self, memo): return 'custom deep'
      print(copy.copy(CC()), copy.deepcopy(CC()), copy.copy((1, 2)), copy.deepcopy((1, [2])), copy.copy({1, 2}), copy.deepcopy({'k': (1, 2)}))
      from collections import deque, defaultdict, Counter
      dq = deque([[1], [2]], maxlen=5); dq2 = copy.deepcopy(dq); print(dq2, dq2[0] is dq[0], dq2.maxlen)
      dd = defaultdict(list, {'a': [1]}); dd2 = copy.deepcopy(dd); print(dd2, dd2['a'] is dd['a'], copy.copy(dd)['a'] is dd['a'])
      print(copy.deepcopy(Counter('aab')), copy.copy(Counter('aab')))
      print(gc.isenabled(), type(gc.collect()), gc.get_threshold(), len(gc.get_count())); gc.disable(); print(gc.isenabled()); gc.enable()
      gc.set_threshold(500, 5); print(gc.get_threshold()); gc.set_threshold(700, 10, 10)
      gc.freeze(); print(gc.get_freeze_count() > 0); gc.unfreeze(); print(gc.get_freeze_count())
      print(gc.is_tracked(1), gc.is_tracked([]), gc.is_tracked("a"), gc.garbage)
      class Node:
          def __init__(self): self.ref = self
      for i in range(10): Node()
      print(gc.collect() >= 10)
      t0 = time.perf_counter(); time.sleep(0.01); t1 = time.perf_counter(); print(t1 - t0 >= 0.009, type(time.time()), type(time.time_ns()), type(time.perf_counter_ns()), type(time.monotonic()), type(time.process_time()))
      print(time.time() > 1.6e9, time.time_ns() > 1.6e18)
    `,
    errors: probe("import io, bisect, string, keyword, copy, gc, time\nclosed = io.StringIO('q')\nclosed.close()", errors),
  });
});
