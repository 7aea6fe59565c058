# Impossible allocations raise MemoryError (never a crash); the program continues afterwards.
tests = [
    lambda: [0] * (2 ** 62),
    lambda: " " * (2 ** 62),
    lambda: b"x" * (2 ** 62),
    lambda: (1,) * (2 ** 62),
    lambda: bytearray(2 ** 62),
    lambda: [None] * (2 ** 40),
    lambda: 1 << (2 ** 50),
    lambda: "ab".ljust(2 ** 62),
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, "no error")
    except MemoryError as e:
        print(i, type(e).__name__, repr(str(e)))
    except OverflowError as e:
        print(i, "OverflowError")
big = [i for i in range(100000)]
print(len(big), sum(big))
