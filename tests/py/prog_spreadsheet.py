# A spreadsheet with formulas, dependency-ordered recalculation, cycle and error detection.
class CycleError(Exception):
    pass
class Sheet:
    def __init__(self):
        self.raw = {}
        self.cache = {}
    def set(self, cell, value):
        self.raw[cell] = value
        self.cache.clear()
    def refs(self, expr):
        out = []
        tok = ""
        for ch in expr + " ":
            if ch.isalnum():
                tok += ch
            else:
                if tok[:1].isalpha() and tok[1:].isdigit():
                    out.append(tok)
                tok = ""
        return out
    def get(self, cell, stack=()):
        if cell in stack:
            raise CycleError(" -> ".join(stack + (cell,)))
        if cell in self.cache:
            return self.cache[cell]
        raw = self.raw.get(cell, 0)
        if isinstance(raw, str) and raw.startswith("="):
            expr = raw[1:]
            env = {r: self.get(r, stack + (cell,)) for r in self.refs(expr)}
            env.update({"SUM": lambda *a: sum(a), "MAX": max, "MIN": min, "AVG": lambda *a: sum(a) / len(a)})
            try:
                value = eval(expr, {"__builtins__": {}}, env)
            except ZeroDivisionError:
                value = "#DIV/0!"
            except TypeError:
                value = "#VALUE!"
        else:
            value = raw
        self.cache[cell] = value
        return value
    def order(self):
        seen, out = set(), []
        def visit(c, path):
            if c in path:
                raise CycleError(" -> ".join(path + [c]))
            if c in seen:
                return
            raw = self.raw.get(c, 0)
            if isinstance(raw, str) and raw.startswith("="):
                for r in self.refs(raw[1:]):
                    visit(r, path + [c])
            seen.add(c)
            out.append(c)
        for c in sorted(self.raw):
            visit(c, [])
        return out
s = Sheet()
for cell, v in [("A1", 10), ("A2", 20), ("A3", 30), ("A4", "=SUM(A1, A2, A3)"), ("B1", "=A4 * 2"), ("B2", "=AVG(A1, A2, A3)"),
                ("B3", "=MAX(A1, B1) - MIN(A2, A3)"), ("C1", "=B1 / (A1 - 10)"), ("C2", "label"), ("C3", "=C2 + 1"), ("D1", "=A1 > 5")]:
    s.set(cell, v)
print(s.order())
for c in s.order():
    print(c, repr(s.raw[c]), "->", repr(s.get(c)))
s.set("A1", 11)
print(s.get("A4"), s.get("B1"), s.get("C1"), s.get("B2"))
s.set("A1", "=B1")
try:
    s.get("A4")
except CycleError as e:
    print("CycleError:", e)
try:
    s.order()
except CycleError as e:
    print("CycleError in order:", e)
