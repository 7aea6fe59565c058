# A tokenizer, recursive-descent parser and evaluator for arithmetic with variables and functions.
import math
class Token:
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return "%s(%r)@%d" % (self.kind, self.text, self.pos)
class LexError(Exception):
    pass
class ParseError(Exception):
    pass
def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(Token("NUM", src[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(Token("NAME", src[i:j], i))
            i = j
        elif src.startswith("**", i):
            toks.append(Token("OP", "**", i))
            i += 2
        elif c in "+-*/%(),=":
            toks.append(Token("OP", c, i))
            i += 1
        else:
            raise LexError("unexpected character %r at %d" % (c, i))
    toks.append(Token("EOF", "", len(src)))
    return toks
class Parser:
    def __init__(self, toks):
        self.toks, self.i = toks, 0
    def peek(self):
        return self.toks[self.i]
    def take(self, text=None):
        t = self.toks[self.i]
        if text is not None and t.text != text:
            raise ParseError("expected %r at %d, got %r" % (text, t.pos, t.text))
        self.i += 1
        return t
    def statement(self):
        if self.peek().kind == "NAME" and self.toks[self.i + 1].text == "=":
            name = self.take().text
            self.take("=")
            node = ("assign", name, self.expr())
        else:
            node = self.expr()
        if self.peek().kind != "EOF":
            raise ParseError("trailing input at %d" % self.peek().pos)
        return node
    def expr(self):
        node = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.unary()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            node = (op, node, self.unary())
        return node
    def unary(self):
        if self.peek().text == "-":
            self.take()
            return ("neg", self.unary())
        return self.power()
    def power(self):
        base = self.atom()
        if self.peek().text == "**":
            self.take()
            return ("**", base, self.unary())
        return base
    def atom(self):
        t = self.take()
        if t.kind == "NUM":
            return ("num", float(t.text) if "." in t.text else int(t.text))
        if t.kind == "NAME":
            if self.peek().text == "(":
                self.take("(")
                args = []
                if self.peek().text != ")":
                    args.append(self.expr())
                    while self.peek().text == ",":
                        self.take()
                        args.append(self.expr())
                self.take(")")
                return ("call", t.text, args)
            return ("var", t.text)
        if t.text == "(":
            node = self.expr()
            self.take(")")
            return node
        raise ParseError("unexpected %r at %d" % (t.text, t.pos))
FUNCS = {"max": max, "min": min, "abs": abs, "sqrt": math.sqrt, "gcd": math.gcd}
def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise NameError("undefined variable " + node[1])
        return env[node[1]]
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "call":
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b, "%": lambda: a % b, "**": lambda: a ** b}[kind]()
env = {}
lines = ["x = 3", "y = x * 4 + 2", "y ** 2 - x", "-2 ** 2", "(1 + 2) * (3 + 4) % 5", "z = max(x, y, 7) / 2", "sqrt(16) + gcd(12, 18)",
         "2 ** 3 ** 2", "10 / 4", "-(-x)", "1 +", "q + 1", "3 $ 4", "(1 + 2", "1 / 0", "abs(-7.5) * 2", "big = 2 ** 100", "big % 1000007"]
for line in lines:
    try:
        print("%-24s => %r" % (line, evaluate(Parser(tokenize(line)).statement(), env)))
    except (LexError, ParseError, NameError, ZeroDivisionError) as e:
        print("%-24s !! %s: %s" % (line, type(e).__name__, e))
print(sorted(env.items()))
print(tokenize("a1 = 2.5 ** b"))
