# try/except/else/finally ordering and finally overriding returns.
def order(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

print(order(False))
print(order(True))

def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())

def finally_runs():
    try:
        return "value"
    finally:
        print("cleanup before return")
print(finally_runs())

def swallow():
    try:
        raise KeyError("lost")
    finally:
        return "finally wins over exception"
print(swallow())

def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer except")
    finally:
        print("outer finally")
nested()
x = 0
try:
    x = 1
finally:
    x += 10
print(x)
