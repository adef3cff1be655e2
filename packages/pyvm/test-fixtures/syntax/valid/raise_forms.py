raise
raise E
raise E()
raise E("message")
raise E from e
raise E from None
raise a.b.c(d) from exc
