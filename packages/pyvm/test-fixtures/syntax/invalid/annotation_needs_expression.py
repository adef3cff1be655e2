if True:
    item.name in items:
        pass
