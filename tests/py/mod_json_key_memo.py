# json.loads shares one str per distinct object key across the document (CPython's scanner memo),
# escaped keys included; values are never shared.
import json

d = json.loads('[{"name": "x", "id": 2}, {"id": 3, "name": "x"}, {"caf\\u00e9": 5}, {"caf\\u00e9": 6},'
               ' {"": 1, "": 2}, {"a\\"b": {"a\\"b": []}}]')
print(d)
k0, k1 = list(d[0]), list(d[1])
print(k0[0] is k1[1], k0[1] is k1[0])
print(list(d[2])[0] is list(d[3])[0], list(d[2])[0])
print(d[4], list(d[5])[0] is list(d[5]["a\"b"])[0])
# a key equal to a value: the value is a separate str
e = json.loads('{"k": "k"}')
print(list(e)[0] == e["k"])
# many distinct keys (the memo grows) and repeated ones
doc = "[" + ",".join('{"key%d": %d, "same": %d}' % (i % 300, i, i) for i in range(1000)) + "]"
recs = json.loads(doc)
print(len(recs), sum(r["same"] for r in recs), len({id(list(r)[1]) for r in recs}))
print(len({id(list(r)[0]) for r in recs}))
# errors still come from the Python decoder with CPython's message
for bad in ('{"a": 1, "a\\x": 2}', '{"a\x01": 1}', '{"abc'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as exc:
        print("JSONDecodeError:", exc)
