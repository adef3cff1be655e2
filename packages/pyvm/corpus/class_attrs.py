# Class attributes vs instance attributes, shadowing, class dict contents, modification at runtime.
class Config:
    debug = False
    items = []
    def enable(self):
        self.debug = True

a = Config()
b = Config()
a.enable()
print(a.debug, b.debug, Config.debug)
a.items.append(1)
print(b.items, Config.items)
Config.debug = "class-level"
print(a.debug, b.debug)
del a.debug
print(a.debug)
Config.new_attr = 42
print(b.new_attr)
def added(self):
    return "added method " + str(self.new_attr)
Config.added = added
print(a.added())
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
print("debug" in vars(b), "debug" in vars(Config))
setattr(Config, "other", 1)
print(getattr(b, "other"), getattr(b, "missing", "default"))
