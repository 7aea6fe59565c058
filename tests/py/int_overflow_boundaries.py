# Values around the small-int boundary (62/63/64 bits) in every operation.
edges = [2 ** 62 - 1, 2 ** 62, 2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64]
edges += [-e for e in edges]
for a in edges:
    print(a, a + 1, a - 1, a * 2, a * -3, a // 3, a % 1000, -a, abs(a), a >> 1, a << 1, a & 0xFF, a | 1, a ^ -1)
s = 0
for i in range(70):
    s = s * 2 + 1
    print(i, s, -s, s * s % 1000003)
k = 1
for i in range(25):
    k *= -12345
print(k)
m = 3
while m < 2 ** 200:
    m = m * m + 1
print(m)
print(2 ** 63 // 2 ** 62, -(2 ** 63) // -1, (-(2 ** 62)) // -1, -(2 ** 62) * -1, (-2 ** 63) % 7)
