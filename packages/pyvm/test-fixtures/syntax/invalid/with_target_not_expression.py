with open('b') as not b:
    pass
