k = (*x x,)
