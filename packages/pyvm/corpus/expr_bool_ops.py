# and/or/not return operands, short circuit, with side effects, precedence.
def t(name, val):
    print("eval", name)
    return val
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", ""))
print(t("a", "x") or t("b", "y"))
print(not 0, not "a", not [], not None)
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or None, 0 or 5 or 6)
print(None or [] or {} or "last")
print(True and not False or False)
print((1 or 0) and (0 or 2))
print([] and boom, "" or "default")
x = 3
print(x > 1 and x < 5, x > 5 or x == 3, not x == 3)
print(1 if 0 or 0.0 or None else 2)
