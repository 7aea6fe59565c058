# Lots of output followed by an uncaught exception: no output may be lost.
for i in range(2000):
    print("row", i, "x" * (i % 50))
raise RuntimeError("after 2000 lines")
