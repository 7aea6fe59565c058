# Closures capturing variables, cells shared between closures, late binding.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc()
print(get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)], [lambda x: x + n for n in range(3)]
early, late = make_adders()
print([f(10) for f in early], [f(10) for f in late])
def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    x = 2
    return middle()()
print(outer())
def accumulator(total=0):
    def add(n):
        nonlocal total
        total += n
        return total
    return add
acc = accumulator(100)
print(acc(1), acc(10), acc(-50))
def cell_in_loop():
    fns = []
    for i in range(3):
        def f(i=i):
            return i * i
        fns.append(f)
    return [f() for f in fns]
print(cell_in_loop())
def make_closures_sharing():
    shared = []
    def push(x):
        shared.append(x)
    def show():
        return list(shared)
    return push, show
push, show = make_closures_sharing()
push(1); push(2)
print(show())
print(inc.__closure__ is not None, len(inc.__closure__), inc.__closure__[0].cell_contents)
