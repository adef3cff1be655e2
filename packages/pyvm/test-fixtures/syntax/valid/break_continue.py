for x in y:
    if x:
        break
    else:
        continue
while True:
    try:
        break
    finally:
        pass
    for y in z:
        continue
    try:
        pass
    finally:
        continue
