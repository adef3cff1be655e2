# import of a corpus helper module: module attributes, classes, module state, module caching.
import lib_shapes
print(lib_shapes.__name__, lib_shapes.PI_APPROX)
shapes = [lib_shapes.Circle(1), lib_shapes.Rect(2, 3)]
print(shapes, round(lib_shapes.total_area(shapes), 4), lib_shapes.created)
import lib_shapes
import lib_shapes as again
print(again is lib_shapes, again.created)
lib_shapes.created = 100
print(again.created, type(lib_shapes).__name__)
print(isinstance(shapes[0], lib_shapes.Shape), lib_shapes.Circle.__module__)
import sys
print("lib_shapes" in sys.modules, sys.modules["lib_shapes"] is lib_shapes)
