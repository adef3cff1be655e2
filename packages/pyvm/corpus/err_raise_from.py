# Uncaught exception raised from another (explicit chaining).
class ConfigError(Exception): pass
def load():
    try:
        return {}["path"]
    except KeyError as e:
        raise ConfigError("no path configured") from e
print("loading")
load()
