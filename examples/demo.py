# A short tour of what Krait runs: big ints, floats, strings, containers, classes, generators, exceptions.
import sys
import math


class Account:
    """A bank account with a running history."""

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


def primes(limit):
    sieve = [True] * (limit + 1)
    for n in range(2, limit + 1):
        if sieve[n]:
            yield n
            for m in range(n * n, limit + 1, n):
                sieve[m] = False


def main():
    print(f"{sys.implementation.name} running Python {sys.version_info.major}.{sys.version_info.minor} syntax")
    print("2**200 =", 2 ** 200)
    print("factorial(30) =", math.factorial(30))
    print("0.1 + 0.2 =", 0.1 + 0.2)
    print("primes:", list(primes(50)))
    words = "the quick brown fox jumps over the lazy dog the end".split()
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    print("most common:", sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
    acct = Account("ada").deposit(100).deposit(25)
    print(acct, acct.history)
    try:
        acct.deposit(-5)
    except ValueError as e:
        print("refused:", e)
    squares = {n: n * n for n in range(6) if n % 2 == 0}
    print("squares:", squares)


if __name__ == "__main__":
    main()
