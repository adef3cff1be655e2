def f():
    try:
        try:
            raise ValueError
        except ValueError:
            raise KeyError
        finally:
            print(1)
    except KeyError as k:
        try:
            return 2
        finally:
            print(3)
