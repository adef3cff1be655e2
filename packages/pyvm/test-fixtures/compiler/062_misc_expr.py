x = 3
y = -x
z = +x
w = ~x
t = x if x else -x
u = [1, 2][0]
v = {'a': 1}['a']
s = 'abc'[::-1]
n = None
b = n is None
m = (yield_ := 2)
q = [*range(3)]
