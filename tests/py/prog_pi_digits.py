# Big-integer arithmetic: 1000 digits of pi (Machin), digits of e, sqrt(2) by Newton, and checks.
def arctan_inv(x, unity):
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total
def pi_digits(digits):
    unity = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return pi // 10 ** 10
p = str(pi_digits(1000))
print(p[:1] + "." + p[1:61])
for i in range(1, 1001, 100):
    print(i, p[i:i + 50])
print(len(p), p[-10:], sum(int(d) for d in p), p.count("9"), p.find("999999"))
def e_digits(digits):
    unity = 10 ** (digits + 10)
    total = term = unity
    k = 1
    while term:
        term //= k
        total += term
        k += 1
    return str(total // 10 ** 10)
e = e_digits(500)
print(e[:1] + "." + e[1:51], e[-20:])
def isqrt_newton(n):
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y
r2 = isqrt_newton(2 * 10 ** 600)
print(str(r2)[:50], str(r2)[-20:], r2 * r2 <= 2 * 10 ** 600 < (r2 + 1) ** 2)
fib = [0, 1]
for _ in range(2000):
    fib.append(fib[-1] + fib[-2])
f2000 = fib[2000]
print(len(str(f2000)), str(f2000)[:30], f2000 % 1000000007, fib[1000] ** 2 - fib[999] * fib[1001])
print(pow(3, 10 ** 5, 10 ** 20), (2 ** 521 - 1) % 1000003, (2 ** 607 - 1).bit_length())
