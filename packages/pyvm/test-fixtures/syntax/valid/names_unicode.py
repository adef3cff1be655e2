café = 1
naïve = café + 1
π = 3.14
日本 = "日本語"
x = [naïve, π, 日本]
ﬁle = 2
def größe(ä, ö=1): return ä + ö
class Ünïcode: pass
