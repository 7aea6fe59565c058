# Comprehension scoping: class bodies, closures, iteration variable leakage, nested functions.
class C:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    factor = 10
    try:
        scaled = [v * factor for v in values]
    except NameError as e:
        scaled = "NameError: " + str(e)
print(C.doubled, C.scaled)
def outer():
    n = 3
    return [n * i for i in range(n)], {i: n for i in range(2)}, list(n + i for i in range(2))
print(outer())
def make():
    return [lambda: v for v in "abc"]
print([f() for f in make()])
i = "unchanged"
_ = [i for i in range(5)]
print(i)
def gen_scope():
    data = [1, 2, 3]
    g = (x * len(data) for x in data)
    data = [9, 9, 9, 9]
    return list(g)
print(gen_scope())
def first_iter_eager():
    data = [1, 2]
    g = (x for x in data)
    data = [7, 8, 9]
    return list(g)
print(first_iter_eager())
def walrus_in_comp():
    total = 0
    running = [total := total + v for v in [1, 2, 3, 4]]
    return running, total
print(walrus_in_comp())
