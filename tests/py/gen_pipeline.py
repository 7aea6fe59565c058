# Generator pipelines processing "log lines" lazily.
LINES = [
    "2024-01-01 INFO start",
    "2024-01-01 ERROR disk full",
    "2024-01-02 WARN slow",
    "2024-01-02 ERROR timeout",
    "2024-01-03 INFO stop",
    "",
    "2024-01-03 ERROR disk full",
]
def read(lines):
    for line in lines:
        print("read:", repr(line))
        yield line
def nonempty(lines):
    return (l for l in lines if l.strip())
def parse(lines):
    for l in lines:
        date, level, msg = l.split(" ", 2)
        yield {"date": date, "level": level, "msg": msg}
def errors(records):
    for r in records:
        if r["level"] == "ERROR":
            yield r
pipe = errors(parse(nonempty(read(LINES))))
first = next(pipe)
print("first error:", first)
rest = list(pipe)
print("rest:", rest)
counts = {}
for r in parse(nonempty(LINES)):
    counts[r["level"]] = counts.get(r["level"], 0) + 1
print(counts)
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)))
def running_sum(it):
    s = 0
    for x in it:
        s += x
        yield s
print(list(running_sum(range(1, 11))), max(running_sum([3, -1, 4, -10, 5])))
print(sum(x for x in range(200000) if x % 3 == 0))
