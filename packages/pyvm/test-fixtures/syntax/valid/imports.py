import a
import a.b
import a.b.c
import a as b
import a.b as c
import a, b, c
import a.b as c, d.e as f, g
from a import b
from a import b as c
from a import b, c
from a import (b, c)
from a import (b as c, d,)
from a.b.c import d
from a import *
