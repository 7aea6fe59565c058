# Frames named <lambda> and <genexpr>; list comprehensions are inlined (no frame of their own).
inverse = lambda x: 1 / x
def run():
    ok = [inverse(v) for v in [1, 2, 4]]
    print(ok)
    return sum(inverse(v) for v in [1, 0])
run()
