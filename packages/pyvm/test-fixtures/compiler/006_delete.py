x = 1
del x
l = [1, 2, 3]
del l[0], l[0:1]
class O: pass
o = O()
o.a = 1
del o.a
def f():
    y = 2
    del y
    global g
    g = 1
    del g
