# Allocation phases of different small-object sizes: the collector's pool releases the blocks of a size
# class that a whole cycle did not use once another class runs dry (gc/gc.c's gc_pool_release_idle).
# Each phase allocates enough for many minor collections and checks what it kept.
import gc


def tuples(n):
    keep = []
    acc = 0
    for i in range(n):
        t = (i, i + 1, -i)
        acc += t[0] + t[2] + len(t)
        if i % 997 == 0:
            keep.append(t)
    return acc, keep


def floats(n):
    x = 0.0
    keep = []
    for i in range(n):
        y = x * 0.5 + i
        x = y - x * 0.25
        if i % 1009 == 0:
            keep.append(y)
    return x, keep


def pairs(n):
    s = 0
    keep = []
    for i in range(n):
        p = [i, str(i & 7)]
        s += len(p[1]) + p[0] % 3
        if i % 1013 == 0:
            keep.append(p)
    return s, keep


for rnd in range(2):
    a, ka = tuples(60000)
    b, kb = floats(60000)
    c, kc = pairs(40000)
    d, kd = tuples(30000)
    print(rnd, a, round(b, 6), c, d)
    print(ka[-3:], [round(v, 3) for v in kb[-3:]], kc[-3:], kd[-2:])
    # what an earlier phase kept is intact after the later phases' collections
    assert all(t == (t[0], t[0] + 1, -t[0]) for t in ka + kd)
    assert all(p[1] == str(p[0] & 7) for p in kc)
    gc.collect()
big = [float(i) for i in range(20000)]
print(sum(big), len(big), gc.isenabled())
