# from module import *: honors __all__, otherwise skips underscore names.
from lib_util import *
print(slugify("Star Import"), REGISTRY)
print("not_exported" in globals())
from lib_shapes import *
print(Circle(2), "_private" in globals(), "math" in globals(), created)
