# match with builtin class patterns and positional sub-patterns (bool, int, str, list, dict, tuple).
def kind(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(i):
            return "int %d" % i
        case float(f):
            return "float %r" % f
        case str(s):
            return "str %r" % s
        case list([x, y]):
            return "list of two %r %r" % (x, y)
        case list(l):
            return "list len %d" % len(l)
        case tuple((a, *_)):
            return "tuple starting %r" % (a,)
        case dict({"k": v2}):
            return "dict with k=%r" % (v2,)
        case dict():
            return "other dict"
        case None:
            return "None"
        case _:
            return "object"
for v in [True, 7, 2.5, "s", [1, 2], [1, 2, 3], (9, 8), {"k": 0}, {}, None, object]:
    print(kind(v))
def http(status):
    match status:
        case 200 | 201 | 204:
            return "ok"
        case 301 | 302 as code:
            return "redirect %d" % code
        case 404:
            return "not found"
        case s if 500 <= s < 600:
            return "server error"
        case _:
            return "other"
print([http(s) for s in [200, 204, 302, 404, 503, 418]])
