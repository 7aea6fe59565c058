# Exceptions leaving compiled callees called directly by compiled code: the callee's traceback entry,
# __context__ when the caller is handling another exception, suggestions for NameError and
# AttributeError raised in the callee, handlers in the callee itself, and callees several levels deep.


class Box:
    def __init__(self, value):
        self.value = value


def tb_lines(exc):
    out = []
    tb = exc.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def leaf(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 3 == 1:
        return {}[i]  # KeyError from a runtime call
    return i


def middle(i):
    return leaf(i) + 1


def handled_inside(i):
    try:
        return leaf(i)
    except ValueError:
        return -1
    except KeyError:
        return -2


def chained(i):
    try:
        raise TypeError("outer %d" % i)
    except TypeError:
        return leaf(i)  # raises while the TypeError is being handled


def attr_miss(b):
    return b.valeu


def name_miss(n):
    total = 0
    for k in range(n):
        total += k
    return totl  # noqa: F821


def run(n):
    counts = [0, 0, 0, 0]
    samples = []
    for i in range(n):
        try:
            counts[0] += middle(i)
        except ValueError as e:
            counts[1] += 1
            if len(samples) < 2:
                samples.append((repr(e), tb_lines(e), e.__context__))
        except KeyError as e:
            counts[2] += 1
            if len(samples) < 4:
                samples.append((repr(e), tb_lines(e), e.__context__))
        counts[3] += handled_inside(i)
        try:
            chained(i)
        except (ValueError, KeyError) as e:
            if i % 500 < 2:
                samples.append((repr(e), repr(e.__context__), tb_lines(e), tb_lines(e.__context__)))
    return counts, samples


counts, samples = run(3000)
print(counts)
for s in samples:
    print(s)

for i in range(300):
    try:
        attr_miss(Box(i))
    except AttributeError as e:
        if i == 299:
            print(repr(e), e.name, tb_lines(e))
for i in range(300):
    try:
        name_miss(5)
    except NameError as e:
        if i == 299:
            print(repr(e), e.name, tb_lines(e))

name_miss(3)
