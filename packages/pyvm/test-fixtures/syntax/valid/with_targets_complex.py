with a as (b, *c):
    pass
with a() as b.c.d, e as f[g]:
    pass
with a as b, c, d as e:
    pass
