a, *b b, c = d
