data = [1,
if x:
    pass
