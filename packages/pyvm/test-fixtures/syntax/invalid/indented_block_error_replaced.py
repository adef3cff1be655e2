if x:
pass
z = (1))
