# A syntax error in the program itself: nothing runs, SyntaxError reported.
print("this line is never executed")
def broken(:
    pass
