# A seeded Monte Carlo simulation: dice histogram, random walk, shuffled deck deals.
import random
random.seed(2024)
hist = {}
for _ in range(2000):
    s = random.randint(1, 6) + random.randint(1, 6)
    hist[s] = hist.get(s, 0) + 1
for k in sorted(hist):
    print(k, hist[k])
pos = 0
path = []
for _ in range(30):
    pos += random.choice((-1, 1))
    path.append(pos)
print(path, max(path), min(path))
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
for h in hands:
    print(" ".join(h))
inside = sum(1 for _ in range(5000) if random.random() ** 2 + random.random() ** 2 <= 1)
print("pi ~", 4 * inside / 5000)
print(round(random.expovariate(2.0), 10), round(random.triangular(0, 10, 3), 10), random.betavariate(2, 5))
