a = f"{'single'}"
b = f'{"double"}'
c = f"{f'{x}'}"
d = f"""{'a' + "b"}"""
e = f"{d['key']}"
g = f"{[x for x in 'abc']}"
h = f"{ {'a': 1}['a'] }"
i = f"{x:{'w'}}"
