# Uncaught ImportError: name missing from a helper module.
from lib_util import slugify
print(slugify("A B"))
from lib_util import missing_name
