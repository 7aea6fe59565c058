# __del__ of instances of Python classes: called once, after the object became unreachable (here made
# deterministic with gc.collect()), CPython-style: resurrection allowed, exceptions reported and
# dropped, and for objects still alive at exit at interpreter shutdown.
import gc

log = []


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = A(1)
del a
gc.collect()
print("after collect")

# a container is finalized before what it holds
b = A(2)
b.child = A(3)
del b
gc.collect()

# a reference cycle (made in a function: its frame, temporaries included, is gone after the call)
def make_cycle():
    c, d = A(4), A(5)
    c.other, d.other = d, c


make_cycle()
gc.collect()
print("cycle done")


# resurrection: __del__ stores self; it is not called again when the object dies for good
class R:
    saved = []

    def __del__(self):
        print("R.__del__", len(R.saved))
        R.saved.append(self)


r = R()
del r
gc.collect()
print("saved", len(R.saved))
R.saved.clear()
gc.collect()
print("no second __del__")


# inherited __del__, and one that calls the base's
class B(A):
    pass


class C(A):
    def __del__(self):
        print("C.__del__", self.n)
        super().__del__()


x = B(6)
y = C(7)
del x
gc.collect()
del y
gc.collect()


# an exception in __del__ is reported on stderr and dropped
class E:
    def __del__(self):
        log.append("E.__del__")
        raise ValueError("boom")


e = E()
del e
gc.collect()
print(log, "still running")


# __del__ runs Python code that allocates and collects
class G:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        junk = [str(i) for i in range(1000)]
        gc.collect()
        print("G.__del__", self.n, len(junk))


g = G(8)
del g
gc.collect()


print(hasattr(A, "__del__"), "__del__" in A.__dict__, "__del__" in B.__dict__)

# still alive at exit: finalized at shutdown, in the order they were made
keep1 = A(100)
keep2 = A(101)
print("main done")
