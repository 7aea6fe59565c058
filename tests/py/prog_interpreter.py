# A tiny language: tokenizer, parser to AST, and a tree-walking interpreter with functions and closures.
SRC = """
fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }
fn make_adder(k) { fn add(x) { return x + k; } return add; }
let total = 0;
let i = 0;
while i < 10 { total = total + i * i; i = i + 1; }
print("total", total);
print("fib", fib(15));
let add5 = make_adder(5);
print("add5", add5(37));
let s = "ab";
let j = 0;
while j < 3 { s = s + "!"; j = j + 1; }
print(s, j == 3, j != 3, 7 / 2, 7 % 3, -4);
if total > 100 { print("big"); } else { print("small"); }
fn fact(n) { let r = 1; while n > 1 { r = r * n; n = n - 1; } return r; }
print("fact", fact(25));
print(undefined_var);
"""
KEYWORDS = {"fn", "let", "if", "else", "while", "return", "print"}
def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(("num", int(src[i:j]))); i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            w = src[i:j]
            toks.append(("kw" if w in KEYWORDS else "id", w)); i = j
        elif c == '"':
            j = src.index('"', i + 1)
            toks.append(("str", src[i + 1:j])); i = j + 1
        elif src[i:i + 2] in ("==", "!=", "<=", ">="):
            toks.append(("op", src[i:i + 2])); i += 2
        else:
            toks.append(("op", c)); i += 1
    toks.append(("eof", None))
    return toks
class Parser:
    def __init__(self, toks):
        self.t, self.i = toks, 0
    def peek(self, v=None):
        tok = self.t[self.i]
        return tok if v is None else tok[1] == v
    def eat(self, v=None):
        tok = self.t[self.i]
        if v is not None and tok[1] != v:
            raise SyntaxError("expected %r, got %r" % (v, tok[1]))
        self.i += 1
        return tok
    def program(self):
        out = []
        while self.peek()[0] != "eof":
            out.append(self.stmt())
        return out
    def block(self):
        self.eat("{")
        body = []
        while not self.peek("}"):
            body.append(self.stmt())
        self.eat("}")
        return body
    def stmt(self):
        tok = self.peek()
        if tok == ("kw", "fn"):
            self.eat(); name = self.eat()[1]; self.eat("(")
            params = []
            while not self.peek(")"):
                params.append(self.eat()[1])
                if self.peek(","):
                    self.eat()
            self.eat(")")
            return ("fn", name, params, self.block())
        if tok == ("kw", "let"):
            self.eat(); name = self.eat()[1]; self.eat("="); e = self.expr(); self.eat(";")
            return ("let", name, e)
        if tok == ("kw", "if"):
            self.eat(); cond = self.expr(); then = self.block(); other = []
            if self.peek("else"):
                self.eat(); other = self.block()
            return ("if", cond, then, other)
        if tok == ("kw", "while"):
            self.eat(); cond = self.expr()
            return ("while", cond, self.block())
        if tok == ("kw", "return"):
            self.eat(); e = self.expr(); self.eat(";")
            return ("return", e)
        if tok == ("kw", "print"):
            self.eat(); self.eat("(")
            args = [self.expr()]
            while self.peek(","):
                self.eat(); args.append(self.expr())
            self.eat(")"); self.eat(";")
            return ("print", args)
        if tok[0] == "id" and self.t[self.i + 1][1] == "=":
            name = self.eat()[1]; self.eat("="); e = self.expr(); self.eat(";")
            return ("set", name, e)
        e = self.expr(); self.eat(";")
        return ("expr", e)
    LEVELS = [("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%")]
    def expr(self, level=0):
        if level == len(self.LEVELS):
            return self.unary()
        left = self.expr(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in self.LEVELS[level]:
            op = self.eat()[1]
            left = ("bin", op, left, self.expr(level + 1))
        return left
    def unary(self):
        if self.peek("-"):
            self.eat()
            return ("neg", self.unary())
        return self.call()
    def call(self):
        e = self.atom()
        while self.peek("("):
            self.eat(); args = []
            while not self.peek(")"):
                args.append(self.expr())
                if self.peek(","):
                    self.eat()
            self.eat(")")
            e = ("call", e, args)
        return e
    def atom(self):
        kind, v = self.eat()
        if kind in ("num", "str"):
            return ("lit", v)
        if kind == "id":
            return ("var", v)
        if v == "(":
            e = self.expr(); self.eat(")")
            return e
        raise SyntaxError("unexpected %r" % (v,))
class Return(Exception):
    def __init__(self, value):
        self.value = value
class Env:
    def __init__(self, parent=None):
        self.vars, self.parent = {}, parent
    def find(self, name):
        e = self
        while e is not None:
            if name in e.vars:
                return e
            e = e.parent
        raise NameError("undefined: " + name)
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a // b, "%": lambda a, b: a % b,
       "<": lambda a, b: a < b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b,
       "==": lambda a, b: a == b, "!=": lambda a, b: a != b}
def run(stmts, env):
    for s in stmts:
        k = s[0]
        if k == "fn":
            env.vars[s[1]] = ("closure", s[2], s[3], env)
        elif k == "let":
            env.vars[s[1]] = ev(s[2], env)
        elif k == "set":
            env.find(s[1]).vars[s[1]] = ev(s[2], env)
        elif k == "if":
            run(s[2] if ev(s[1], env) else s[3], Env(env))
        elif k == "while":
            while ev(s[1], env):
                run(s[2], Env(env))
        elif k == "return":
            raise Return(ev(s[1], env))
        elif k == "print":
            print(*[ev(a, env) for a in s[1]])
        else:
            ev(s[1], env)
def ev(e, env):
    k = e[0]
    if k == "lit":
        return e[1]
    if k == "var":
        return env.find(e[1]).vars[e[1]]
    if k == "neg":
        return -ev(e[1], env)
    if k == "bin":
        return OPS[e[1]](ev(e[2], env), ev(e[3], env))
    if k == "call":
        f = ev(e[1], env)
        _, params, body, closure_env = f
        local = Env(closure_env)
        for p, a in zip(params, e[2]):
            local.vars[p] = ev(a, env)
        try:
            run(body, local)
        except Return as r:
            return r.value
        return None
    raise ValueError(k)
tokens = tokenize(SRC)
print(len(tokens), tokens[:8])
prog = Parser(tokens).program()
print(len(prog), [s[0] for s in prog])
try:
    run(prog, Env())
except NameError as e:
    print("runtime error:", e)
for bad in ["let = 5;", "print(1;", "fn f( { }"]:
    try:
        Parser(tokenize(bad)).program()
    except (SyntaxError, IndexError) as e:
        print(type(e).__name__, e)
