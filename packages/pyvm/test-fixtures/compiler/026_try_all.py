def f(x):
    try:
        r = 1 / x
    except ZeroDivisionError as e:
        r = None
    except:
        raise
    else:
        r += 1
    finally:
        print("done")
    return r
