# Uncaught ModuleNotFoundError for an import that does not exist.
import math
print("math ok", math.sqrt(4))
import definitely_not_a_module
