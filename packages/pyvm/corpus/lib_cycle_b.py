# Helper for import_cycle.py: imports lib_cycle_a (partially initialized at that point).
import lib_cycle_a
B_NAME = "b"
def from_b():
    return "b sees a: " + lib_cycle_a.A_NAME
