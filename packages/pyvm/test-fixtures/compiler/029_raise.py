def f(x):
    if x == 1:
        raise ValueError
    if x == 2:
        raise ValueError("m")
    if x == 3:
        raise ValueError("m") from None
    try:
        pass
    except Exception:
        raise
