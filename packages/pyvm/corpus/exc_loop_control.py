# Exceptions interacting with loops: raise in loop, handled per-iteration, finally with break.
results = []
for v in ["1", "x", "3", "", "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append("|")
print(results)
def first_int(items):
    for it in items:
        try:
            return int(it)
        except (ValueError, TypeError):
            pass
    return -1
print(first_int(["a", None, "7", "8"]), first_int([]))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 4:
            raise ConnectionError("retry")
        print("connected after", attempts)
        break
    except ConnectionError as e:
        print("attempt", attempts, e)
try:
    for i in range(5):
        if i == 2:
            raise StopIteration("manual")
except StopIteration as e:
    print("loop aborted by", e)
