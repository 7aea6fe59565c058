# Basic int arithmetic including negative operands and floor semantics.
vals = [7, -7, 3, -3, 1, -1, 10, -10, 0]
for a in vals:
    for b in [3, -3, 2, -2, 7, -7, 1]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 2 ** -2, (-2) ** -1)
print(10 // 3, -10 // 3, 10 // -3, -10 // -3)
print(10 % 3, -10 % 3, 10 % -3, -10 % -3)
print(abs(-5), abs(5), abs(0), -(-5), +(-5))
