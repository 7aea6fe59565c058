# A hand-written JSON-like pretty printer and parser (no json module), round-tripped on nested data.
def escape(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) > 126:
            out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else "\\U%08x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
def dump(obj, indent=0, step=2):
    pad = " " * (indent + step)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        return escape(obj)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in obj) and len(obj) <= 8:
            return "[" + ", ".join(repr(x) for x in obj) + "]"
        return "[\n" + ",\n".join(pad + dump(x, indent + step, step) for x in obj) + "\n" + " " * indent + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [pad + escape(str(k)) + ": " + dump(v, indent + step, step) for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    raise TypeError("cannot serialise %s" % type(obj).__name__)
class Reader:
    def __init__(self, text):
        self.t, self.i = text, 0
    def ws(self):
        while self.i < len(self.t) and self.t[self.i] in " \n\t\r":
            self.i += 1
    def value(self):
        self.ws()
        c = self.t[self.i]
        if c == "{":
            self.i += 1
            d = {}
            self.ws()
            if self.t[self.i] == "}":
                self.i += 1
                return d
            while True:
                self.ws()
                k = self.string()
                self.ws()
                assert self.t[self.i] == ":", "expected ':' at %d" % self.i
                self.i += 1
                d[k] = self.value()
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    continue
                assert self.t[self.i] == "}", "expected '}' at %d" % self.i
                self.i += 1
                return d
        if c == "[":
            self.i += 1
            lst = []
            self.ws()
            if self.t[self.i] == "]":
                self.i += 1
                return lst
            while True:
                lst.append(self.value())
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    continue
                assert self.t[self.i] == "]", "expected ']' at %d" % self.i
                self.i += 1
                return lst
        if c == '"':
            return self.string()
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.t.startswith(word, self.i):
                self.i += len(word)
                return val
        j = self.i
        while j < len(self.t) and self.t[j] in "+-0123456789.eE":
            j += 1
        num = self.t[self.i:j]
        self.i = j
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    def string(self):
        assert self.t[self.i] == '"', "expected string at %d" % self.i
        self.i += 1
        out = []
        while self.t[self.i] != '"':
            ch = self.t[self.i]
            if ch == "\\":
                nxt = self.t[self.i + 1]
                if nxt == "u":
                    out.append(chr(int(self.t[self.i + 2:self.i + 6], 16)))
                    self.i += 6
                    continue
                if nxt == "U":
                    out.append(chr(int(self.t[self.i + 2:self.i + 10], 16)))
                    self.i += 10
                    continue
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}[nxt])
                self.i += 2
                continue
            out.append(ch)
            self.i += 1
        self.i += 1
        return "".join(out)
doc = {"name": "Krait", "tags": ["vm", "jit", "gc"], "version": [0, 1, 0], "ratio": 1.5, "big": 2 ** 80, "neg": -3e-5,
       "nested": {"empty_list": [], "empty_dict": {}, "flags": [True, False, None], "deep": {"a": [{"b": [1, [2, [3]]]}]}},
       "text": 'quote " backslash \\ newline \n tab \t unicode é 日 😀'}
text = dump(doc)
print(text)
back = Reader(text).value()
print(back == doc, dump(back) == text)
print(dump([1, 2.5, -0.0, 1e100]), dump("x"), dump([]), dump({}), dump([[], {}]))
try:
    dump({"s": {1, 2}})
except TypeError as e:
    print(type(e).__name__, e)
try:
    Reader('{"a" 1}').value()
except AssertionError as e:
    print(type(e).__name__, e)
