# int.to_bytes / int.from_bytes.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"))
print((0).to_bytes(1, "big"), (255).to_bytes(1, "big"), (65535).to_bytes(3, "little"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (127).to_bytes(1, "big", signed=True))
print((2 ** 100).to_bytes(13, "big"))
print((1).to_bytes(), (200).to_bytes(length=1, byteorder="little"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"))
print(int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True))
print(int.from_bytes(bytes(range(1, 20)), "little"), int.from_bytes(b"", "big"))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
n = 3 ** 100
print(int.from_bytes(n.to_bytes((n.bit_length() + 7) // 8, "big"), "big") == n)
for args in [(256, 1, "big", False), (-1, 1, "big", False), (128, 1, "big", True)]:
    try:
        args[0].to_bytes(args[1], args[2], signed=args[3])
    except OverflowError as e:
        print(type(e).__name__, e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print(type(e).__name__, e)
