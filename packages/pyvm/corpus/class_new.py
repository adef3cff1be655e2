# __new__: singletons, immutable subclasses, controlling instance creation.
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.inits = 0
        return cls._instance
    def __init__(self, *args):
        self.inits += 1

a = Singleton()
b = Singleton(1, 2)
print(a is b, a.inits)

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, type(u).__name__, isinstance(u, str), u + "!", len(u))

class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = Pos(-5)
print(p, p + 1, type(p).__name__)

class Tracked:
    created = []
    def __new__(cls, name):
        obj = object.__new__(cls)
        Tracked.created.append(name)
        return obj
    def __init__(self, name):
        self.name = name
Tracked("x"); Tracked("y")
print(Tracked.created)

class NotMe:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMe())
