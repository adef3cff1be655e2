"""Module docstring."""
from __future__ import annotations
from __future__ import (generator_stop, division)

def f(x: SomeType) -> OtherType:
    return x
