def h() -> tuple[, str]:
    pass
