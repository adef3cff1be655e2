msg = f"{', '.join(f'{k}={v!r}' for k, v in kwargs.items())}"
out = f"{len(items):>{width}} items, total {sum(i.price for i in items):.2f}"
