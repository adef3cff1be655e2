def f(xs):
    for x in xs:
        try:
            if x:
                return x
        except Exception:
            continue
    else:
        return -1
def g(n):
    while n > 0:
        with open("f") as fh:
            return fh
    return None
