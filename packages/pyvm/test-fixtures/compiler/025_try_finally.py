def f():
    try:
        return 1
    finally:
        print("cleanup")
def g():
    for i in range(3):
        try:
            if i:
                break
            continue
        finally:
            print(i)
try:
    x = 1
finally:
    x = 2
