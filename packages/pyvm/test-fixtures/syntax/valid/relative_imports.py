from . import a
from .. import b
from ... import c
from .... import d
from .a import b
from ..a.b import c
from ...a import (b as c, d)
from .import x
from ...import y
