# __getattr__ (fallback), __getattribute__, __setattr__, __delattr__ hooks.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(("get", name))
        return getattr(self.target, name)
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        setattr(self.target, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        delattr(self.target, name)

class Target:
    def __init__(self):
        self.a = 1
    def hello(self):
        return "hello from target"

t = Target()
p = Proxy(t)
print(p.a, p.hello())
p.b = 2
print(t.b)
del p.a
print(hasattr(t, "a"))
print(p.log)

class Defaults:
    x = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(name)
d = Defaults()
print(d.x, d.auto_thing, getattr(d, "auto_x"), hasattr(d, "nope"))

class Spy:
    def __init__(self):
        self.value = 5
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
s = Spy()
print(s.value, s.secret)
