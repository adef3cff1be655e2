# Imports inside functions and conditionals bind local names; stdlib modules too.
def use_math():
    import math
    return math.sqrt(49)
print(use_math())
print("math" in globals())
def lazy_util():
    from lib_util import slugify as s
    return s("Lazy Import Here")
print(lazy_util())
if True:
    import itertools
print(list(itertools.repeat(0, 2)))
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name if hasattr(e, "name") else "")
try:
    import lib_broken
except ValueError as e:
    print("ValueError:", e)
import sys
print("lib_broken" in sys.modules)
