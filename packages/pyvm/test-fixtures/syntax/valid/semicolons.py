x = 1; y = 2; z = 3
a = 1;
if x: a = 1; b = 2
def f(): x = 1; return x
import a; from b import c
