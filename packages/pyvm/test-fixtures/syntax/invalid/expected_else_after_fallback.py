y = [i if i > 0 @ else -i for i in data]
