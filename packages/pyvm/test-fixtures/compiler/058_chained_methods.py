data = " a,b ,c "
parts = [p.strip() for p in data.split(",") if p.strip()]
joined = "-".join(parts).upper().replace("A", "z")
class B:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
B().add(1).add(2)
