import io
import token
import tokenize

SOURCES = [
    "x = 1",
    "x = 1\n",
    "if x:\n    y = (1,\n  2)  # c\n\n# only\nz\n",
    "s = '''a\nb''' + f'x{a!r:>{w}} {{y}}'\n",
    "a = \\\n  3\n",
    "def f():\n  if a:\n    pass\n",
    "def g():\n\tif a:\n\t\treturn [\n\t\t\t1]\n\t# trailing\nelse_ = 2\n",
    "f'{x=}'\n",
    "b'x' rb'\\d' 0x1F 1_000.5e-3j .5 1. 1e10 0o17 0b1_0 7J",
    "print(f\"{'a' 'b'}\")\n",
    "a **= b // c >>= d @ e -> ... := f != g <= h\n",
    "async def f(x: int) -> None:\n    await x\n",
    "lambda: (yield)\nclass C: pass\n",
    "ñame = 'ü'  # ü\n",
    "f'''multi\n{x:\n>10}\nline'''\n",
    "f'{a}{b}' rf'\\d{c}' F\"{d!s}\"\n",
    "x = [\n    1,  # one\n\n    2,\n]\n",
    "",
    "\n\n",
    "# just a comment",
    "if a:\n    b\n\n\n",
]
for src in SOURCES:
    print("===", repr(src))
    for t in tokenize.generate_tokens(io.StringIO(src).readline):
        print(t, token.tok_name[t.exact_type])

# bytes API with ENCODING, BOM and cookies
for data in [b"x = 1\n", b"\xef\xbb\xbfy = 2\n", b"# -*- coding: latin-1 -*-\nz = '\xe9'\n", b"#!/usr/bin/env python\n# vim: set fileencoding=utf-8 :\nw\n"]:
    toks = list(tokenize.tokenize(io.BytesIO(data).readline))
    print([(token.tok_name[t.type], t.string) for t in toks])
    print(tokenize.detect_encoding(io.BytesIO(data).readline))
for bad in [b"# coding: bogus-enc\n", b"\xef\xbb\xbf# coding: latin-1\n"]:
    try:
        tokenize.detect_encoding(io.BytesIO(bad).readline)
    except SyntaxError as e:
        print("SyntaxError", e)

# errors
for src in ["'abc\n", "x = (1,\n", "'''never", "f'{x\n"]:
    try:
        list(tokenize.generate_tokens(io.StringIO(src).readline))
        print("no error", repr(src))
    except tokenize.TokenError as e:
        print("TokenError", e.args[0])
    except SyntaxError as e:
        print("SyntaxError", e.msg)

# untokenize: full tokens reproduce the source exactly; (type, string) pairs tokenize back the same
src = "def f(a, b=2):\n    return a + b  # sum\n\nx = f(1,\n      2)\n"
toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
print(tokenize.untokenize(toks) == src)
pairs = [(t.type, t.string) for t in toks]
again = tokenize.untokenize(pairs)
print([(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(again).readline)
       if t.type not in (tokenize.NL, tokenize.COMMENT)] == [p for p in pairs if p[0] not in (tokenize.NL, tokenize.COMMENT)])
print(tokenize.untokenize(tokenize.tokenize(io.BytesIO(b"a = 1\n").readline)))

# token module
print(token.ISTERMINAL(token.NAME), token.ISNONTERMINAL(300), token.ISEOF(token.ENDMARKER), token.N_TOKENS)
print(token.EXACT_TOKEN_TYPES["**="], token.tok_name[token.OP], len(token.tok_name))
t = tokenize.TokenInfo(token.OP, "+=", (1, 0), (1, 2), "+=")
print(t.exact_type == token.PLUSEQUAL, t._fields)

# tokenize.open decodes with the detected encoding
import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "m.py")
    with open(p, "wb") as f:
        f.write(b"# coding: latin-1\ns = '\xe9t\xe9'\n")
    with tokenize.open(p) as f:
        print(f.encoding, repr(f.read()))
    with open(p, "rb") as f:
        print([t.string for t in tokenize.tokenize(f.readline)][:3])
