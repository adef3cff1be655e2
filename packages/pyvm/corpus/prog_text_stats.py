# Text statistics: word frequencies, longest words, sentence splitting, character classes.
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness. It was the spring of hope!
Was it the winter of despair? We had everything before us; we had nothing before us."""
words = [w.strip(".,;!?").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(top)
print(len(words), len(freq), max(words, key=len), sorted({w for w in words if len(w) > 8}))
sentences = []
cur = []
for ch in text.replace("\n", " "):
    cur.append(ch)
    if ch in ".!?":
        sentences.append("".join(cur).strip())
        cur = []
print(len(sentences), [s[:20] for s in sentences])
classes = {"upper": 0, "lower": 0, "space": 0, "punct": 0}
for ch in text:
    if ch.isupper(): classes["upper"] += 1
    elif ch.islower(): classes["lower"] += 1
    elif ch.isspace(): classes["space"] += 1
    else: classes["punct"] += 1
print(classes)
print({n: sum(1 for w in words if len(w) == n) for n in sorted({len(w) for w in words})})
line_lengths = [len(l) for l in text.splitlines()]
print(line_lengths, f"{sum(line_lengths) / len(line_lengths):.2f}")
