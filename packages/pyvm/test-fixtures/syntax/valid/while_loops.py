while True:
    break
while x:
    x -= 1
else:
    done()
while (x := next_value()) is not None:
    continue
while a: pass
