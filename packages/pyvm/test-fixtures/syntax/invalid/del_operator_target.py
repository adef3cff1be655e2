del x ** .y
