# json: dumps (indent, separators, sort_keys, ensure_ascii, default) and loads, errors.
import json
data = {"name": "Krait", "version": [1, 2, 3], "nested": {"a": None, "b": True, "c": False}, "pi": 3.14159, "big": 2 ** 70, "neg": -5, "e": 1e20}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True, separators=(",", ": ")))
print(json.dumps([1, [2, []], {}], separators=(",", ":")), json.dumps({}, indent=2), json.dumps([], indent=2))
print(json.dumps("héllo \u20ac \U0001F600 \"q\" \\ \n\t\x01"), json.dumps("héllo €", ensure_ascii=False))
print(json.dumps(1.0), json.dumps(0.1), json.dumps(-0.0), json.dumps(1e-7), json.dumps(float("inf")), json.dumps(float("nan")))
print(json.dumps((1, 2)), json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "none key"}))
print(json.dumps("x"), json.dumps(None), json.dumps(True), json.dumps(12345678901234567890))
back = json.loads(s)
print(back == data, back["version"], type(back["big"]).__name__, back["nested"])
print(json.loads('[1, 2.5, "s", null, true, false, {"k": [1e3, -0.5, 1E-2]}]'))
print(json.loads('"\\u00e9\\n\\ud83d\\ude00"'), json.loads("  42  "), json.loads("-0"), json.loads('{"a": {"b": {"c": []}}}'))
print(json.loads('"\\"quoted\\""'), json.loads("[]"), json.loads("{}"), json.loads("1E400"), json.loads("NaN") != json.loads("NaN"))
for bad in ["", "{", "[1,]", "{'a': 1}", "tru", '{"a" 1}', "[1] x", '"unterminated', "01"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), type(e).__name__, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print(type(e).__name__, e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(type(e).__name__, e)
class Obj:
    def __init__(self): self.x = 1
print(json.dumps(Obj(), default=lambda o: o.__dict__), json.dumps([Obj()], default=lambda o: "obj"))
print(json.loads('{"a": 1, "a": 2}'), json.loads("[1, 2]", parse_int=str) if True else 0)
rt = {"list": list(range(10)), "text": "line1\nline2", "unicode": "日本", "float": 0.30000000000000004}
print(json.loads(json.dumps(rt)) == rt, json.loads(json.dumps(rt, indent=1)) == rt)
