try:
    pass
except:
    pass
try:
    pass
except ValueError:
    pass
try:
    pass
except ValueError as e:
    pass
try:
    pass
except (ValueError, TypeError) as e:
    pass
except KeyError:
    pass
except:
    pass
else:
    pass
try:
    pass
except A:
    pass
else:
    pass
finally:
    pass
try:
    x = 1
except a.b.C as err: raise
