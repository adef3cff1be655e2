# Helper for import_cycle.py: imports lib_cycle_b, which imports this module back.
import lib_cycle_b
A_NAME = "a"
def from_a():
    return "a sees b: " + lib_cycle_b.B_NAME
