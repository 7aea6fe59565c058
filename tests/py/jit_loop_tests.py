# Loops whose header is only a test (taken again at the bottom of the loop by compiled code): while
# loops on int, float, identity and truth tests, several back-edges (continue), breaks, an empty body,
# loops over ranges with a step that is not a constant, and deopts in the middle of each.


def w_int(n):
    i = 0
    s = 0
    while i < n:
        s += i
        i += 1
    return s, i


def w_float(x):
    n = 0
    while x > 1.0:
        x = x / 2.0
        n += 1
    return n, x


def w_is(n):
    node = None
    for k in range(n):
        node = (k, node)
    count = 0
    while node is not None:
        count += node[0]
        node = node[1]
    return count


def w_truth(n):
    out = 0
    while n:
        n -= 1
        if n % 3 == 0:
            continue
        if n == 1000:
            break
        out += n
    return out, n


def w_down(n):
    while n > 0:
        n -= 7
    return n


def empty_body(n):
    for i in range(n):
        pass
    for i in range(n, 0, -1):
        pass
    return i


def var_step(a, b, c):
    t = 0
    for i in range(a, b, c):
        t += i
    return t, list(range(a, b, c))[-2:]


def mixed(n, bad):
    s = 0
    i = 0
    while i < n:
        if i == bad:
            s += 0.5
        s += i
        i += 1
    return s


def grows(n):
    x = 1
    i = 0
    while i < n:
        x += x
        i += 1
    return x


for _ in range(40):
    r = (w_int(50), w_float(1e6), w_is(40), w_truth(2000), w_down(100), empty_body(30),
         var_step(0, 100, 7), var_step(100, 0, -9), mixed(100, -1), grows(20))
print(r)
print(w_int(0), w_float(0.5), w_is(0), w_truth(0), w_down(-5), empty_body(1))
print(var_step(0, 100, 1), var_step(5, -5, -1), var_step(0, 10, 100))
try:
    print(var_step(0, 10, 0))
except ValueError as e:
    print("ValueError", e)
print(var_step(0, 2**63, 2**61))
print(mixed(100, 50), mixed(10, 9))
print(grows(70), grows(62))
print(w_float(float("inf")) if False else w_float(1e300))
try:
    empty_body(0)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
