# io.StringIO as an in-memory file and bisect on sorted lists.
import io
import bisect
buf = io.StringIO()
buf.write("hello ")
print("world", file=buf)
print(1, 2, sep=",", file=buf)
print(repr(buf.getvalue()))
r = io.StringIO("line one\nline two\nline three")
print(r.readline(), end="")
print(r.read())
r.seek(0)
print(r.readlines())
print([l.strip() for l in io.StringIO("a\nb\n")])
xs = [1, 3, 3, 5, 7]
print(bisect.bisect_left(xs, 3), bisect.bisect_right(xs, 3), bisect.bisect(xs, 4), bisect.bisect_left(xs, 0), bisect.bisect(xs, 99))
bisect.insort(xs, 4)
bisect.insort_left(xs, 3)
print(xs)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect_left(xs, 5, lo=2, hi=4), bisect.bisect_right([(1, "a"), (2, "b")], (1, "z")))
