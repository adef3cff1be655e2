del x
del x, y
del x,
del (x)
del (x, y)
del [x, y]
del (x, [y, z])
del x.y
del x[0]
del x[0:1]
del x.y[0].z
