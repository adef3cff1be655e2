# with statement and context manager classes: __enter__/__exit__, suppression, nesting.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Ctx("a") as v:
    print("inside", v)

with Ctx("outer") as o, Ctx("inner") as i:
    print("both", o, i)

with Ctx("sup", suppress=True):
    raise ValueError("swallowed")
print("after suppress")

try:
    with Ctx("nosup"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

def early():
    with Ctx("ret"):
        return "returned"
print(early())

for i in range(3):
    with Ctx(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
