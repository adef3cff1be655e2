# Custom exception hierarchies, extra attributes, __str__ overrides, catching by base class.
class AppError(Exception):
    """Base of the app's errors."""

class NotFound(AppError):
    def __init__(self, what, where="db"):
        super().__init__(f"{what} not found in {where}")
        self.what = what
        self.where = where

class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value
    def __str__(self):
        return f"invalid {self.field}={self.value!r}"

def op(i):
    if i == 0:
        raise NotFound("user")
    if i == 1:
        raise Invalid("age", -3)
    if i == 2:
        raise AppError("generic", 2)
    return "ok"

for i in range(4):
    try:
        print(op(i))
    except NotFound as e:
        print("NotFound:", e, e.what, e.where, e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e, e.args)
print(issubclass(NotFound, Exception), AppError.__doc__)
print(repr(Invalid("x", 1)), repr(NotFound("k")))
print(str(AppError()), repr(AppError()), str(AppError("a", "b")))
e = NotFound("thing")
e.extra = [1]
print(e.extra, isinstance(e, AppError))
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as err:
    print(err)
