# Uncaught ZeroDivisionError from integer modulo inside a comprehension.
vals = [10, 5, 0, 2]
print([100 // v for v in vals[:2]])
print([100 % v for v in vals])
