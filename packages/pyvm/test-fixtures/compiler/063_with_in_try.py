import threading
lock = threading.Lock()
def f():
    try:
        with lock:
            return 1
    except RuntimeError:
        return 2
    finally:
        pass
