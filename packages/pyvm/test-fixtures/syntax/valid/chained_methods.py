result = (
    query
    .filter(x > 1)
    .order_by(y)
    .limit(10)
    .all()
)
s = "  text  ".strip().lower().replace("a", "b").split()
