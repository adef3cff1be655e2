def f():
    1 """Method
    docstring."""
