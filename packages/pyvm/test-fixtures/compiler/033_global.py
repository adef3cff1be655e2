g = 0
def f():
    global g
    g += 1
    return g
def h():
    global newvar
    newvar = 1
global top
top = 5
