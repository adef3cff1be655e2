# Uncaught NameError for an undefined global.
def show():
    print("value:", valeu)
value = 3
show()
