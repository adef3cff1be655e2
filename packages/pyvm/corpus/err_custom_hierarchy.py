# Uncaught exception of a subclass of a custom hierarchy, after caught siblings.
class AppError(Exception): pass
class DbError(AppError): pass
class NetError(AppError): pass
for cls in [DbError, NetError]:
    try:
        raise cls("handled " + cls.__name__)
    except AppError as e:
        print(e)
raise NetError("unhandled network failure")
