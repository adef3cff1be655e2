# Uncaught AttributeError on a module.
import math
print(math.floor(2.5))
print(math.no_such_function(1))
