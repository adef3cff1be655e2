a = f"""
first {x}
  second {y!r}
"""
b = (
    f"{one}"
    f"{two}"
)
c = f"""{
x
}"""
d = f"""{x +
    y}"""
