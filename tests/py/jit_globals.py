# Global rebinding while compiled code that reads the global runs (and builtins shadowed by globals).
SCALE = 2


def scaled(n):
    s = 0
    for i in range(n):
        s += i * SCALE
        if i == 50:
            rebind()
    return s


def rebind():
    global SCALE
    SCALE = 3


for _ in range(3):
    SCALE = 2
    print(scaled(100))


def use_len(xs):
    n = 0
    for x in xs:
        n += len(x)
    return n


print(use_len(["ab", "cde"] * 20))
len = lambda x: 100
print(use_len(["ab", "cde"]))
del len
print(use_len(["ab", "cde"]))


def helper(x):
    return x + 1


def calls(n):
    s = 0
    for i in range(n):
        s += helper(i)
    return s


print(calls(1000))
helper = lambda x: x * 2
print(calls(1000))


def undefined_later(n):
    s = 0
    for i in range(n):
        s += MAYBE
        if i == 5:
            del globals()["MAYBE"]
    return s


MAYBE = 1
try:
    undefined_later(10)
except NameError as e:
    print("NameError:", e)
