def f():
    try:
        1 / 0
    except ZeroDivisionError as err:
        msg = str(err)
        del err
    return msg
e = None
try:
    pass
except Exception as e:
    pass
