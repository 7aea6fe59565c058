# C methods of builtin types called directly by compiled code (compiler/hir.h, DIRECT CALLS with a C
# method descriptor): results, exceptions raised by the method or by Python code it calls back, self
# of a subclass or of another type at the same site, and methods that mutate their receiver.
import traceback


class MyStr(str):
    def strip(self, chars=None):
        return "overridden"


class Bad:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 13 or other.v == 13:
            raise ValueError("unlucky comparison")
        return self.v < other.v


def words(text):
    counts = {}
    out = []
    for raw in text.split():
        w = raw.strip(".,").lower()
        counts[w] = counts.get(w, 0) + 1
        out.append(w.upper())
    return counts, len(out), out[-3:]


text = "The quick brown fox, the lazy dog. The end. " * 300
for _ in range(3):
    print(words(text)[0]["the"], words(text)[1:])


def strip_all(items):
    return [s.strip() for s in items]


print(strip_all(["  a ", MyStr(" b "), " c "] * 500)[:4])


def find_all(items, target):
    found = []
    for lst in items:
        try:
            found.append(lst.index(target))
        except ValueError as e:
            found.append(str(e))
    return found


print(find_all([[1, 2, 3], [3, 4], [5]] * 700, 3)[:4])


def sort_each(groups):
    out = []
    for g in groups:
        g.sort()
        out.append(g[0].v)
    return out


groups = [[Bad(3), Bad(1), Bad(2)] for _ in range(1500)]
print(sum(sort_each(groups)))
try:
    sort_each([[Bad(1), Bad(13)]])
except ValueError:
    frames = traceback.extract_tb(__import__("sys").exc_info()[2])
    print([(f.name, f.lineno) for f in frames], traceback.format_exc().splitlines()[-1])


def mixed_self(values):
    return [v.bit_length() for v in values]


print(mixed_self([5, 2 ** 70, True, 0] * 300)[:4])
