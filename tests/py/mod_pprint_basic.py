# pprint: layout of dicts, lists, tuples, sets, str and bytes splitting, width/indent/depth/compact/
# sort_dicts/underscore_numbers, recursion and readability flags (output must match CPython 3.13).
import pprint, collections, dataclasses, types
data = {'name': 'krait', 'versions': list(range(30)), 'nested': {'a': [1, 2, {'b': (3, 4)}], 'z': None},
        'tuple1': (1,), 'empty': {}, 'el': [], 'et': (), 'set': {5, 3, 1}, 'fs': frozenset({7, 8}),
        'floats': [1.5, -0.0, 1e300], 'big': 2**100, 'neg': -12345678901234567890}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=1)
pprint.pprint(data, depth=2, width=30)
pprint.pprint(data, compact=True, width=30)
pprint.pp(data, width=60)
pprint.pprint(data, sort_dicts=False, width=50)
print(pprint.pformat(data, underscore_numbers=True, width=60))
print(pprint.pformat(list(range(100)), compact=True))
print(pprint.pformat(list(range(40))))
s = "The quick brown fox jumps over the lazy dog. " * 5
pprint.pprint(s)
pprint.pprint([s, s[:30]], width=50)
pprint.pprint({'key': s + "\nsecond line\n" + "x" * 100})
pprint.pprint("a" * 200, width=40)
pprint.pprint(b"\x00\x01binary data here" * 8)
pprint.pprint([b"\x00\x01binary data here" * 8])
pprint.pprint(bytearray(b"abcdefgh" * 20))
pprint.pprint({'b': bytearray(b"abcdefgh" * 20)})
pprint.pprint(b'abc')
pprint.pprint(set(range(30)))
pprint.pprint(frozenset(range(30)))
pprint.pprint({1, 2.5, -3, True}, width=10)
pprint.pprint({3: "x", 1.5: 1, -2: 2, 0: 3}, width=20)
