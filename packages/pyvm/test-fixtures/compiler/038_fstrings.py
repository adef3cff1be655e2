x = 42
s1 = f"{x}"
s2 = f"a{x}b{x!r}c"
s3 = f"{x:>10}"
s4 = f"{x!s:{x}}"
s5 = f"{'nested'} {x + 1:0{3}d}"
s6 = f"{x=}"
s7 = "%s-%r" % (x, s1)
