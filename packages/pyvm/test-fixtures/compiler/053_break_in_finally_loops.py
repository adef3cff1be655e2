def f():
    for i in range(3):
        try:
            for j in range(3):
                if j:
                    break
        finally:
            if i:
                continue
    return i
