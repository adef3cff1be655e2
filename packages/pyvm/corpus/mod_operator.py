# operator module: arithmetic functions, itemgetter, attrgetter, methodcaller.
import operator as op
print(op.add(2, 3), op.sub(5, 2), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8))
print(op.neg(5), op.not_(0), op.truth([1]), op.eq(1, 1), op.lt(1, 2), op.ge(1, 2), op.is_(None, None))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 4), op.invert(0), op.contains([1, 2], 2))
data = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(data, key=op.itemgetter(1)), op.itemgetter(0, 1)(data[0]), op.itemgetter(slice(1, None))("abc"))
class P:
    def __init__(self, n):
        self.name = n
        self.inner = self
    def hello(self, x):
        return f"{self.name}:{x}"
ps = [P("z"), P("y")]
print([p.name for p in sorted(ps, key=op.attrgetter("name"))], op.attrgetter("inner.name")(ps[0]))
print(op.methodcaller("hello", 5)(ps[0]), op.methodcaller("upper")("abc"))
d = {"k": 1}
op.setitem(d, "j", 2)
op.delitem(d, "k")
print(d, op.getitem([1, 2, 3], 1), op.index(5), op.concat([1], [2]))
import functools
print(functools.reduce(op.add, ["a", "b", "c"]), list(map(op.mul, [1, 2], [3, 4])))
