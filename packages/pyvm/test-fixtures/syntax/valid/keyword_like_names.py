match = 1
case = 2
_ = 3
match(x)
match.attr = 4
match[0] = 5
print(match, case, _)
type = 6
def match(): pass
print = 7
exec = 8
