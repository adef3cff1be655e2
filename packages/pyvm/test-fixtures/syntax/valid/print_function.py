print()
print("a", "b", sep=", ", end="\n")
print(*items, file=sys.stderr)
print(f"{x!r}", flush=True)
