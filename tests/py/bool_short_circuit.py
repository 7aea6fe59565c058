# and/or/not evaluation order and short-circuit side effects.
log = []
def t(x):
    log.append(x)
    return x
print(t(0) and t(1), log); log.clear()
print(t(1) and t(2), log); log.clear()
print(t(0) or t(3), log); log.clear()
print(t(4) or t(5), log); log.clear()
print(t(1) and t(0) or t(6), log); log.clear()
print(not t(0), log); log.clear()
print(t(1) < t(2) < t(0) < t(9), log); log.clear()
print(t(3) > t(2) > t(1), log); log.clear()
print([t(i) for i in range(5) if t(i) % 2 and t(i) > 1], log); log.clear()
x = t([]) or t({}) or t("last")
print(x, log); log.clear()
print(all(t(v) for v in [1, 2, 0, 4]), log); log.clear()
print(any(t(v) for v in [0, 0, 5, 6]), log); log.clear()
a = t(None) if t(0) else t("else")
print(a, log)
