sum(x * x for x in range range(10))
