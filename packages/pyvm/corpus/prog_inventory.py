# An inventory system with properties, class-level registries, sorting and reporting.
class Product:
    registry = {}
    def __init__(self, sku, name, price, qty=0):
        if sku in Product.registry:
            raise ValueError(f"duplicate sku {sku}")
        self.sku, self.name, self._price, self.qty = sku, name, price, qty
        Product.registry[sku] = self
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, v):
        if v < 0:
            raise ValueError("price must be non-negative")
        self._price = round(v, 2)
    @property
    def value(self):
        return round(self.price * self.qty, 2)
    def __repr__(self):
        return f"<{self.sku} {self.name} x{self.qty} @ {self.price:.2f}>"
for args in [("A1", "bolt", 0.25, 400), ("B2", "nut", 0.1, 1000), ("C3", "gear", 12.5, 8), ("D4", "belt", 7.99, 0), ("A1", "dup", 1)]:
    try:
        Product(*args)
    except ValueError as e:
        print("ValueError:", e)
inv = Product.registry
inv["C3"].price *= 1.1
try:
    inv["D4"].price = -1
except ValueError as e:
    print("ValueError:", e)
for p in sorted(inv.values(), key=lambda p: p.value, reverse=True):
    print(f"{p.sku:<4}{p.name:<6}{p.qty:>6}{p.price:>8.2f}{p.value:>10.2f}")
print("total", round(sum(p.value for p in inv.values()), 2))
print("out of stock:", [p.name for p in inv.values() if not p.qty])
restock = {"D4": 5, "B2": -200}
for sku, delta in restock.items():
    inv[sku].qty += delta
print(inv)
