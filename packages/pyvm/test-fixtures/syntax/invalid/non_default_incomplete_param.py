def f(x=1, /, y y=2, *, z):
    pass
