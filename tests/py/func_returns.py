# Return values: multiple values, None, early returns, return in loops and finally.
def divmod2(a, b):
    return a // b, a % b
q, r = divmod2(17, 5)
print(q, r, divmod2(17, 5))
def nothing():
    pass
def bare():
    return
print(nothing(), bare())
def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    return None
print(first_even([1, 3, 4, 6]), first_even([1, 3]))
def finally_wins():
    try:
        return "try"
    finally:
        print("finally runs")
print(finally_wins())
def finally_override():
    try:
        return "try"
    finally:
        return "finally"
print(finally_override())
def loop_return():
    i = 0
    while True:
        i += 1
        if i > 5:
            return i
print(loop_return())
def many():
    return 1, [2, 3], {"k": 4}
a, (b, c), d = many()[0], many()[1], many()[2]
print(a, b, c, d)
def gen_func():
    return (i for i in range(3))
print(list(gen_func()))
