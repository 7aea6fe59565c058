# Big-int +, -, *, //, % and divmod computed in place into the result object (vm/int.c's mpn paths):
# signs, zero, carries into a new limb, results that shrink to small ints or to far fewer limbs,
# mixed small/big operands, squares and aliasing (x = x * x), and a checksum over pseudo-random operands.

M64 = 1 << 64
SMALL_MAX = (1 << 62) - 1   # Krait's small-int range is [-2**62, 2**62)
edges = [0, 1, -1, 2, -2, 3, 7, -7, SMALL_MAX, SMALL_MAX + 1, -SMALL_MAX - 1, -SMALL_MAX - 2,
         M64 - 1, M64, M64 + 1, -(M64 - 1), -M64, -(M64 + 1), M64 * M64 - 1, -(M64 * M64 - 1),
         (1 << 127) + 12345, -(1 << 200) + 1, 10 ** 40, -(10 ** 40), 3 ** 100]

def ops(a, b):
    out = [a + b, a - b, b - a, a * b]
    if b:
        out += [a // b, a % b, divmod(a, b)]
    return out

total = 0
for a in edges:
    for b in edges:
        r = ops(a, b)
        if abs(a) < 100 and abs(b) < 100:
            print(a, b, r)
        for v in r:
            total = (total * 1000003 + (hash(v) if not isinstance(v, tuple) else hash(v[0]) ^ hash(v[1]))) % ((1 << 61) - 1)
print("edges checksum", total)

# carries into a new limb and borrows out of one
print((M64 - 1) + 1, M64 - 1 - M64, (1 << 128) - 1 + 1, (1 << 128) - (1 << 128 - 1))
print(-(M64 - 1) - 1, -M64 + 1, (1 << 192) - 1 - ((1 << 192) - 2))
# results that shrink: a difference of nearly equal numbers, back to a small int and to a few limbs
big = 7 ** 400
print(big - (big - 5), (big + 3) - big, (big + (1 << 70)) - big, big - big, -big + big)
print(type(big - (big - 5)).__name__, (big * 3 + 1) - big * 3)
# small * big, big * small, mixed signs, zero
print(0 * big, big * 0, -1 * big == -big, big * -1 == -big, 2 * (SMALL_MAX + 1), -(SMALL_MAX + 1) * -1)
# squares and aliasing
x = 3 ** 50
for _ in range(4):
    x = x * x
print(x % 1000000007, x.bit_length())
y = -(5 ** 77)
y = y * y
print(y % 999999937, y > 0)
z = 11 ** 60
z -= z
print(z)
z = 11 ** 60
z += z
print(z == 2 * 11 ** 60)
# floor division and modulo with every sign combination, exact divisions, remainder equal to zero
for a in (10 ** 50 + 7, -(10 ** 50 + 7), 10 ** 50, -(10 ** 50)):
    for b in (10 ** 25, -(10 ** 25), 10 ** 25 + 3, -(10 ** 25 + 3), 7, -7, M64, -M64, 10 ** 50, -(10 ** 50), 10 ** 50 + 7):
        q, r = divmod(a, b)
        assert q * b + r == a, (a, b)
        assert (r == 0) or ((r > 0) == (b > 0)), (a, b)
        assert q == a // b and r == a % b
        print(q % 1000003, r % 1000003, end=" ")
print()
# quotient that carries into a new limb on the floor adjustment
a = -(M64 * M64 - 1)
print(a // 1, a // -1, a // (M64 - 1), divmod(a, M64 - 1), divmod(-M64 * M64 + 1, M64))
print(divmod(-(1 << 128) + 1, (1 << 64) - 1), divmod((1 << 128) - 1, -((1 << 64) - 1)))
# pseudo-random operands
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % M64
    return seed
acc = 0
for i in range(3000):
    n1 = rnd() % 12 + 1
    n2 = rnd() % 12 + 1
    a = 0
    for _ in range(n1):
        a = (a << 64) | rnd()
    b = 0
    for _ in range(n2):
        b = (b << 64) | rnd()
    a >>= rnd() % 64
    b >>= rnd() % 64
    if rnd() & 1:
        a = -a
    if rnd() & 1:
        b = -b
    if b == 0:
        b = 1
    vals = [a + b, a - b, a * b, a // b, a % b]
    q, r = divmod(a, b)
    vals += [q, r]
    for v in vals:
        acc = (acc * 1000003 + v) % ((1 << 89) - 1)
print("random checksum", acc)
