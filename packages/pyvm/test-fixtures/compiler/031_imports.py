import os
import os.path
import os.path as p
import collections.abc as cabc
from os import path, sep as s
from os.path import *
from . import sibling
from .. import parent
from .mod import name
