# Bitwise operators, shifts and bit_length, with negative numbers and big ints.
for a in [0, 1, 5, -5, 255, -256, 2 ** 70, -(2 ** 70) + 3]:
    for b in [3, -3, 12, 2 ** 65]:
        print(a, b, a & b, a | b, a ^ b)
    print(~a, a << 3, a >> 2, a >> 100, a.bit_length())
print(1 << 100, (1 << 100) >> 99, -1 >> 5, -1 << 5, -17 >> 2)
print(0b1111 & ~0b0101, 0xF0 | 0x0F, 0xFF ^ 0x0F)
print((255).bit_length(), (256).bit_length(), (-256).bit_length(), (0).bit_length())
print((37).bit_count(), (-37).bit_count(), (2 ** 100 - 1).bit_count())
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
x = 6
x &= 3; print(x)
x |= 8; print(x)
x ^= 1; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
