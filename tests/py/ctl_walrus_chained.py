# Walrus operator and chained comparisons.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
while (item := data.pop()) != 1:
    print("popped", item)
print(data, item)
print([y for x in range(6) if (y := x * x) % 2 == 0])
results = [m for s in ["a1", "bb", "c3"] if (m := s[-1]).isdigit()]
print(results, m)
def f(x):
    print("eval", x)
    return x
print(f(1) < f(2) < f(3))
print(f(3) < f(2) < f(1))
print(1 < 2 > 0, 1 == 1 != 2, 0 <= 0 < 1 <= 1, 5 > 4 > 3 > 2 > 1, 1 < 2 < 2)
print("a" < "b" < "c", [1] < [2] < [3], 1 < 2.5 < 3, x is not None is not False if (x := 1) else 0)
x = 5
print(0 < x < 10, 0 < x < 3, x in [5] in [[5]], x not in [1] != False)
print((a := 10) + a, a)
chunks = []
buf = iter(range(10))
while chunk := [v for _, v in zip(range(3), buf)]:
    chunks.append(chunk)
print(chunks)
