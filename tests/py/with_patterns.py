# Context-manager patterns: timers without timings, transactions with rollback, redirect-like capture.
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back because", et.__name__)
            return True
        print("committed")
        return False
db = {"a": 1}
with Transaction(db) as t:
    t["b"] = 2
print(db)
with Transaction(db) as t:
    t["c"] = 3
    t["a"] = 100
    raise ValueError("abort")
print(db)
class Capture:
    def __enter__(self):
        self.lines = []
        return self
    def write(self, s):
        self.lines.append(s)
    def __exit__(self, *exc):
        return False
with Capture() as cap:
    print("captured text", 1, 2, file=cap)
    print("second", file=cap, end="!")
print(repr("".join(cap.lines)))
class Indent:
    level = 0
    def __enter__(self):
        Indent.level += 1
        return self
    def __exit__(self, *a):
        Indent.level -= 1
    def say(self, msg):
        print("  " * Indent.level + msg)
with Indent() as i1:
    i1.say("one")
    with Indent() as i2:
        i2.say("two")
        with Indent() as i3:
            i3.say("three")
    i1.say("back to one")
print(Indent.level)
class ExitReturnsTruthy:
    def __enter__(self): return None
    def __exit__(self, *a): return 1
with ExitReturnsTruthy():
    1 / 0
print("suppressed by truthy non-bool")
class ExitSeesTb:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print("exit got", et.__name__, type(ev).__name__, tb is not None)
        return True
with ExitSeesTb():
    [].pop()
