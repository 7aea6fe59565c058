# time module: only relative, monotonic properties are checked.
import time
t0 = time.time()
p0 = time.perf_counter()
pn0 = time.perf_counter_ns()
m0 = time.monotonic()
c0 = time.process_time()
print(t0 > 1.6e9, type(t0).__name__, type(pn0).__name__, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__)
time.sleep(0.02)
s = 0
for i in range(200000):
    s += i
p1 = time.perf_counter()
print(p1 - p0 >= 0.019, time.perf_counter_ns() - pn0 >= 19000000, time.monotonic() - m0 >= 0.019, time.process_time() >= c0)
print(abs(time.time() - t0 - (p1 - p0)) < 1.0, 0 <= time.time_ns() // 10 ** 9 - int(t0) < 600)
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
