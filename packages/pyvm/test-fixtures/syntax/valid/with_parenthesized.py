with (a):
    pass
with (a, b):
    pass
with (a as b):
    pass
with (a as b, c as d):
    pass
with (a as b, c as d,):
    pass
with (
    open("a") as a,
    open("b") as b,
):
    pass
with (a, b) as c:
    pass
with (a for a in b):
    pass
def gen():
    with (yield):
        pass
with (a)(b) as c:
    pass
