x = "héllo" + y
z = "日本語"; w = 1
s = f"é{x}ü{y!r}"
t = 'ü' if a else b
d = {"ä": 1, "ö": [x, y]}
café(ä=1)
