# A realistic class: a bank of accounts with validation and history.
class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = [("open", balance)]
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds("%s has %d, needs %d" % (self.owner, self._balance, amount))
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return "Account(%d, %r, %d)" % (self.id, self.owner, self._balance)
accts = [Account("ann", 100), Account("bob"), Account("cy", 50)]
accts[1].deposit(30)
accts[0].withdraw(40)
for a, amt in [(accts[2], 80), (accts[1], 10)]:
    try:
        a.withdraw(amt)
    except InsufficientFunds as e:
        print("failed:", e)
try:
    accts[0].deposit(-5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    accts[0].balance = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(accts, [a.history for a in accts], sum(a.balance for a in accts))
