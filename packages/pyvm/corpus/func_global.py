# global declarations: reading, rebinding, creating globals from functions.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print(counter)

def make_new():
    global created
    created = "made in function"

make_new()
print(created)

def read_only():
    return counter * 10

print(read_only())

x = "module"
def local_shadow():
    x = "local"
    return x
print(local_shadow(), x)

def nested_global():
    def inner():
        global x
        x = "changed by inner"
    inner()
nested_global()
print(x)
print("counter" in globals(), globals()["counter"])
