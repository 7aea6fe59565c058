# if/elif/else, while/else, for/else, break, continue, pass, nested loops.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in [-5, 0, 3, 10, 99]])
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while", i)
else:
    print("while-else not reached")
n = 0
while n < 3:
    n += 1
else:
    print("while-else reached", n)
for x in range(3):
    pass
else:
    print("for-else reached", x)
def find(items, target):
    for idx, item in enumerate(items):
        if item == target:
            print("found at", idx)
            break
    else:
        print("not found")
find("abc", "b")
find("abc", "z")
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print("pair", i, j)
    else:
        print("inner else", i)
count = 0
while True:
    count += 1
    if count > 100:
        break
print(count)
for ch in "":
    print("never")
else:
    print("empty for-else")
x = 5
if x: pass
if not x: print("no")
else: print("yes")
y = "a" if x > 3 else "b" if x > 1 else "c"
print(y, "big" if x > 100 else "small")
for i in range(10, 0, -3):
    print(i, end=",")
print()
for k in {"b": 1, "a": 2}:
    print(k, end=" ")
print()
total = 0
for i in range(1, 4):
    for j in range(i):
        total += i * j
print(total)
