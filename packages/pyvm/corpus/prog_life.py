# Conway's Game of Life on a small torus, a glider over several generations.
W, H = 8, 6
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}
def show(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))
for gen in range(5):
    print(f"gen {gen}:")
    print(show(cells))
    cells = step(cells)
for _ in range(20):
    cells = step(cells)
print(sorted(cells), len(cells))
