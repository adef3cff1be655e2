# try/except with types, tuples, as-binding, bare except, order of handlers.
def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][3]
    if kind == "type":
        return "a" + 1
    if kind == "value":
        return int("abc")
    if kind == "attr":
        return None.foo
    return "fine"

for kind in ["zero", "key", "index", "type", "value", "attr", "none"]:
    try:
        result = risky(kind)
    except ZeroDivisionError as e:
        print("zero:", e)
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, e)
    except TypeError as e:
        print("type:", e)
    except Exception as e:
        print("other:", type(e).__name__, e)
    else:
        print("no error:", result)

try:
    raise RuntimeError("boom")
except:
    print("bare except caught")

try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("wrong handler")
except ValueError as e:
    print("outer caught", e)
try:
    int("x")
except ValueError as err:
    msg = str(err)
print(msg)
try:
    err
except NameError:
    print("err unbound after except")
