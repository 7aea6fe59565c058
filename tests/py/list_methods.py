# Every list method.
a = [3, 1, 4, 1, 5]
a.append(9); print(a)
a.extend([2, 6]); print(a)
a.extend(range(2)); print(a)
a.extend("ab"); print(a)
a.insert(0, "first"); a.insert(100, "last"); a.insert(-1, "before-last"); a.insert(-100, "very-first"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(1), a.index(5), a.index(1, 4), a.count(1), a.count("zz"))
b = a.copy(); b.reverse(); print(a, b, a is b)
c = [x for x in a if isinstance(x, int)]
c.sort(); print(c)
c.sort(reverse=True); print(c)
c.clear(); print(c, len(c))
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].index(2), lambda: [1, 2, 3].index(1, 1)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [] * 5, [[]] * 2, [1, 2] * -1)
d = [1, 2]; d += [3]; d *= 2; print(d)
d += "xy"; print(d)
try:
    d + "xy"
except TypeError as e:
    print(type(e).__name__, e)
print(len([1, [2, 3]]), [1, 2, 3][-1], list(), list((1, 2)), list({"a": 1}), list(range(3)), list("hi"))
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1, "a"] == [1, "a"])
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], 2])
try:
    [1, 2][5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1, 2][5] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    key = "x"
    [1, 2][key]
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2] < [1, "a"]
except TypeError as e:
    print(type(e).__name__, e)
