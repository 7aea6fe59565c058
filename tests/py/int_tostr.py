# Converting ints to strings in several bases.
for n in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 100), 123456789]:
    print(str(n), repr(n), hex(n), oct(n), bin(n))
print(format(255, "x"), format(255, "X"), format(255, "o"), format(255, "b"), format(255, "#x"), format(255, "#o"), format(255, "#b"))
print(format(-255, "#x"), format(255, "08b"), format(255, "#010x"), format(1234567, ","), format(1234567, "_"), format(0xdeadbeef, "_x"))
print(str(2 ** 3000)[:40], len(str(2 ** 3000)))
print(str(-7 ** 1000)[:30], str(7 ** 1000)[-30:])
print(hex(2 ** 200))
