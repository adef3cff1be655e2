# Circular imports between two helper modules resolve through partially initialized modules.
import lib_cycle_a
import lib_cycle_b
print(lib_cycle_a.from_a())
print(lib_cycle_b.from_b())
print(lib_cycle_a.lib_cycle_b is lib_cycle_b, lib_cycle_b.lib_cycle_a is lib_cycle_a)
