# from-imports: names, aliases, decorators registering into the helper's module state.
from lib_util import slugify, chunks as split_into, REGISTRY, register
import lib_util
print(slugify("Hello, World! Python 3.11"), list(split_into([1, 2, 3, 4, 5], 2)))
@register("double")
def double(x):
    return 2 * x
print(REGISTRY is lib_util.REGISTRY, sorted(REGISTRY), REGISTRY["double"](21))
print(lib_util.not_exported())
try:
    from lib_util import nonexistent
except ImportError as e:
    print("ImportError:", e)
from lib_shapes import Rect
print(Rect(4, 5).area())
