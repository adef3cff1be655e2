# Uncaught BaseException subclass that is not an Exception.
class Abort(BaseException):
    pass
try:
    raise Abort("not caught by except Exception")
except Exception:
    print("wrong")
except Abort:
    print("caught Abort explicitly")
raise Abort("this one escapes")
