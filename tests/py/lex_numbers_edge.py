# Numeric tokens next to operators and attribute access on literals.
print(1 .__add__(2), 1.0.__add__(2), (1).bit_length())
print(0x10.bit_length(), (1_0).real, 1_0 .imag)
print([1,2,3][1:], 1-1, 1--1, 1+-1, -1**2, (-1)**2)
print(2**-1, 2**3**2, -2**2)
print(5//2, 5%2, -5//2, -5%2)
print(1e0, 1e-0, 0e0, 0.0e0)
print(0xffff_ffff_ffff_ffff_ffff + 1)
print(not 1, not 0, ~0, ~-1, ~5)
