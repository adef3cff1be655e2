# A small bank simulation: accounts, transactions, custom errors, reports.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")

class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance})"

class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, balance=0):
        acct = cls(owner, balance)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        self.accounts[src].withdraw(amount)
        self.accounts[dst].deposit(amount)
    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
a = bank.open(Account, "ann", 100)
b = bank.open(Savings, "bob", 1000)
c = bank.open(Account, "cy")
ops = [("transfer", 1, 3, 30), ("transfer", 3, 2, 50), ("transfer", 2, 1, 250), ("deposit", 3, -5), ("interest", 2)]
for op in ops:
    try:
        if op[0] == "transfer":
            bank.transfer(*op[1:])
        elif op[0] == "deposit":
            bank.accounts[op[1]].deposit(op[2])
        else:
            print("interest", bank.accounts[op[1]].add_interest())
    except InsufficientFunds as e:
        print("failed:", e)
    except ValueError as e:
        print("invalid:", e)
print(sorted(bank.accounts.values(), key=lambda x: -x.balance))
print(bank.total(), [acct.history for acct in bank.accounts.values()])
