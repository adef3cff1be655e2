"""A small inventory system exercising common constructs."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterator


@dataclass
class Item:
    name: str
    price: float
    tags: list[str] = field(default_factory=list)

    def discounted(self, pct: float = 0.1) -> float:
        return round(self.price * (1 - pct), 2)


class Inventory:
    """Holds items by name."""

    def __init__(self) -> None:
        self._items: dict[str, Item] = {}

    def add(self, item: Item) -> None:
        if item.name in self._items:
            raise KeyError(f"duplicate item {item.name!r}")
        self._items[item.name] = item

    def __iter__(self) -> Iterator[Item]:
        yield from sorted(self._items.values(), key=lambda i: (i.price, i.name))

    def total(self) -> float:
        return sum(i.price for i in self)

    def by_tag(self, tag: str) -> list[Item]:
        return [i for i in self if tag in i.tags]

    def dump(self) -> str:
        return json.dumps({n: {"price": i.price, "tags": i.tags} for n, i in self._items.items()})


def main(argv: list[str] | None = None) -> int:
    inv = Inventory()
    for n, (name, price) in enumerate([("apple", 1.0), ("pear", 2.5)]):
        inv.add(Item(name, price, tags=["fruit"] if n % 2 == 0 else []))
    try:
        inv.add(Item("apple", 3.0))
    except KeyError as exc:
        print("error:", exc)
    else:
        print("unexpected")
    finally:
        print(f"total={inv.total():.2f}", end="\n")
    while (cheapest := next(iter(inv), None)) is not None:
        print(cheapest)
        break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
