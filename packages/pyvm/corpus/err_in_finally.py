# finally runs before the uncaught exception propagates; the exception raised in try wins.
def work():
    try:
        print("working")
        raise LookupError("lost item")
    finally:
        print("cleanup in finally")
work()
