# A tokenizer and recursive-descent calculator with variables and error reporting.
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        elif c in "+-*/()^=%":
            tokens.append(("op", c))
            i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    tokens.append(("end", None))
    return tokens

class Calc:
    def __init__(self):
        self.vars = {"pi": 3.141592653589793}
    def run(self, line):
        self.toks = tokenize(line)
        self.pos = 0
        if len(self.toks) > 2 and self.toks[1] == ("op", "="):
            name = self.toks[0][1]
            self.pos = 2
            value = self.expr()
            self.vars[name] = value
        else:
            value = self.expr()
        if self.peek()[0] != "end":
            raise SyntaxError(f"unexpected {self.peek()[1]!r}")
        return value
    def peek(self):
        return self.toks[self.pos]
    def take(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            rhs = self.factor()
            v = v * rhs if op == "*" else v / rhs if op == "/" else v % rhs
        return v
    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if kind == "name":
            if val not in self.vars:
                raise NameError(f"unknown variable {val}")
            return self.vars[val]
        if val == "(":
            v = self.expr()
            if self.take() != ("op", ")"):
                raise SyntaxError("expected )")
            return v
        raise SyntaxError(f"unexpected {val!r}")

calc = Calc()
for line in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x = 10", "y = x * 2.5", "x + y",
             "10 / 4", "10 % 4", "r = 2", "pi * r ^ 2", "1 / 0", "unknown + 1", "3 +", "(4", "5 $ 5", "2 3"]:
    try:
        print(f"{line:<14} => {calc.run(line)!r}")
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{line:<14} => {type(e).__name__}: {e}")
print(sorted(calc.vars.items()))
