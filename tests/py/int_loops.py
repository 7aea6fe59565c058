# Integer-heavy loops: sums, collatz, primes, gcd.
total = 0
for i in range(100000):
    total += i * i % 7
print(total)
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 30)], max(range(1, 3000), key=collatz))
def primes(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]
p = primes(10000)
print(len(p), p[:10], p[-5:], sum(p))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(2 ** 100, 6 ** 50), gcd(-12, 18), gcd(0, 5))
x = 0
i = 0
while i < 50000:
    x = (x * 31 + i) & 0xFFFFFFFF
    i += 1
print(x)
acc = 1
for k in range(1, 200):
    acc = acc * k + k
print(acc % (10 ** 30), len(str(acc)))
