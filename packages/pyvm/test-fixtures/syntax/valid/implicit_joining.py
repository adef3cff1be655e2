x = (1 +
     2)
y = [1,
     2,   # comment inside brackets
     3
]
z = {
    'a': 1,

    'b': 2,
}
f(a,
  b,
      c)
