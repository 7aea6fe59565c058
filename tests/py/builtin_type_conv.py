# Constructor conversions between builtin types.
print(list("abc"), list((1, 2)), list({1: 2}), list(range(2)), tuple([1]), set("aab") == {"a", "b"}, dict([(1, 2)]), dict(zip("ab", "cd")))
print(str(12), str(-1.5), str([1]), int("7"), int(7.9), int(-7.9), int("0b11", 0), float("3"), float(" inf "), bool("x"), bool(""))
print(bytes([1, 2]), bytes("ab", "ascii"), bytearray(2), list(bytes(3)), str(bytes([65]), "ascii"), bytes(bytearray(b"q")))
print(int(True), float(False), str(True), list(map(int, "123")), tuple(map(float, ["1", "2.5"])), frozenset([1]) == {1})
print(dict(a=1, **{"b": 2}), dict({"x": 1}, y=2), list(dict.fromkeys("abca")), sorted(set([3, 1, 3])))
