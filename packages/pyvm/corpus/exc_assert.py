# assert statements: passing, failing with and without messages, caught AssertionError.
def check(v):
    assert v > 0, f"value must be positive, got {v}"
    return v * 2

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare:", repr(e), e.args)
try:
    assert [] , "empty list"
except AssertionError as e:
    print(e)
assert True, "never shown"
assert 1 == 1
x = [1, 2]
assert len(x) == 2 and x[0] == 1
print("all asserts passed")
