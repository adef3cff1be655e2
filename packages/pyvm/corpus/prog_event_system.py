# An observer/event system with weak-free handler registration, priorities and exceptions in handlers.
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.errors = []
    def on(self, event, priority=0):
        def deco(fn):
            self.handlers.setdefault(event, []).append((priority, len(self.handlers.get(event, [])), fn))
            return fn
        return deco
    def emit(self, event, *args, **kwargs):
        results = []
        for prio, _, fn in sorted(self.handlers.get(event, []), key=lambda h: (-h[0], h[1])):
            try:
                results.append(fn(*args, **kwargs))
            except Exception as e:
                self.errors.append((event, fn.__name__, type(e).__name__, str(e)))
        return results
bus = EventBus()
@bus.on("greet")
def hello(name):
    return f"hello {name}"
@bus.on("greet", priority=10)
def urgent(name):
    return f"URGENT {name.upper()}"
@bus.on("greet")
def broken(name):
    return name / 2
@bus.on("sum", priority=1)
def total(*nums, scale=1):
    return sum(nums) * scale
print(bus.emit("greet", "ann"))
print(bus.emit("sum", 1, 2, 3, scale=10), bus.emit("none"))
print(bus.errors)
counter = {"n": 0}
@bus.on("tick")
def tick():
    counter["n"] += 1
for _ in range(5):
    bus.emit("tick")
print(counter)
