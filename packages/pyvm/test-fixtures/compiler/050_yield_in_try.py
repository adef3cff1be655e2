def g():
    try:
        yield 1
    finally:
        print("close")
def h():
    with open("x") as f:
        yield f
def i():
    try:
        yield from g()
    except GeneratorExit:
        raise
