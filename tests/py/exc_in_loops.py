# Exceptions raised and caught in loops, generators, comprehensions and callbacks.
total = 0
errors = 0
for i in range(-5, 6):
    try:
        total += 100 // i
    except ZeroDivisionError:
        errors += 1
print(total, errors)
def parse_all(items):
    out = []
    for s in items:
        try:
            out.append(int(s))
        except ValueError as e:
            out.append(str(e))
    return out
print(parse_all(["1", "x", "3", "", "0x5", "-4"]))
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
    finally:
        pass
print([safe_div(1, x) for x in [1, 0, 2, 0, 4]])
count = 0
for i in range(10000):
    try:
        if i % 7 == 0:
            raise KeyError(i)
        count += 1
    except KeyError as e:
        count -= e.args[0] % 3
print(count)
def gen():
    for i in range(5):
        try:
            yield 10 // (i - 2)
        except GeneratorExit:
            print("closing")
            raise
g = gen()
res = []
while True:
    try:
        res.append(next(g))
    except ZeroDivisionError as e:
        res.append(type(e).__name__)
        break
    except StopIteration:
        break
print(res)
def find(d, keys):
    found = []
    for k in keys:
        try:
            found.append(d[k])
        except KeyError:
            continue
        finally:
            found.append("|")
    return found
print(find({"a": 1, "b": 2}, ["a", "x", "b"]))
i = 0
while i < 5:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("fin", i)
print("stopped at", i)
