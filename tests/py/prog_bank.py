# Bank simulation: accounts, transfers, monthly interest in integer cents, overdraft rules, audit log.
class BankError(Exception):
    pass
class Account:
    def __init__(self, number, owner, cents=0, overdraft=0):
        self.number, self.owner, self.cents, self.overdraft = number, owner, cents, overdraft
        self.log = []
    def deposit(self, cents, memo="deposit"):
        if cents <= 0:
            raise BankError("invalid amount %d" % cents)
        self.cents += cents
        self.log.append((memo, cents, self.cents))
    def withdraw(self, cents, memo="withdraw"):
        if cents <= 0:
            raise BankError("invalid amount %d" % cents)
        if self.cents - cents < -self.overdraft:
            raise BankError("account %s: insufficient funds (%s available)" % (self.number, fmt(self.cents + self.overdraft)))
        self.cents -= cents
        self.log.append((memo, -cents, self.cents))
class SavingsAccount(Account):
    def __init__(self, number, owner, cents=0, rate_bp=250):
        super().__init__(number, owner, cents)
        self.rate_bp = rate_bp
    def add_interest(self):
        interest = self.cents * self.rate_bp // (12 * 10000)
        if interest > 0:
            self.deposit(interest, "interest")
        return interest
def fmt(cents):
    sign = "-" if cents < 0 else ""
    return "%s$%s.%02d" % (sign, "{:,}".format(abs(cents) // 100), abs(cents) % 100)
class Bank:
    def __init__(self):
        self.accounts = {}
        self.failed = []
    def open(self, cls, owner, *args, **kw):
        number = "AC%04d" % (len(self.accounts) + 1)
        self.accounts[number] = acct = cls(number, owner, *args, **kw)
        return acct
    def transfer(self, src, dst, cents):
        a, b = self.accounts[src], self.accounts[dst]
        try:
            a.withdraw(cents, "transfer to " + dst)
        except BankError as e:
            self.failed.append(str(e))
            return False
        b.deposit(cents, "transfer from " + src)
        return True
    def month_end(self):
        return sum(a.add_interest() for a in self.accounts.values() if isinstance(a, SavingsAccount))
    def report(self):
        for n, a in sorted(self.accounts.items()):
            print("%-7s %-8s %-15s %14s" % (n, a.owner, type(a).__name__, fmt(a.cents)))
        print("total", fmt(sum(a.cents for a in self.accounts.values())))
bank = Bank()
alice = bank.open(Account, "alice", 150000, overdraft=5000)
bob = bank.open(SavingsAccount, "bob", 1000000)
carol = bank.open(SavingsAccount, "carol", 2500, rate_bp=500)
dave = bank.open(Account, "dave")
seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n
numbers = sorted(bank.accounts)
ok = 0
for month in range(1, 13):
    for _ in range(20):
        s, d = numbers[rand(4)], numbers[rand(4)]
        if s != d and bank.transfer(s, d, rand(50000) + 1):
            ok += 1
    paid = bank.month_end()
    if month % 3 == 0:
        print("month", month, "interest paid", fmt(paid), "transfers ok", ok, "failed", len(bank.failed))
bank.report()
for bad in [lambda: dave.deposit(0), lambda: dave.withdraw(10 ** 9), lambda: alice.withdraw(-5)]:
    try:
        bad()
    except BankError as e:
        print("BankError:", e)
print(len(bob.log), bob.log[:3], bob.log[-1])
print(bank.failed[:3])
print(fmt(0), fmt(5), fmt(-123456), fmt(10 ** 12))
