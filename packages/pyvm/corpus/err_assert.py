# Uncaught AssertionError with a message.
def withdraw(balance, amount):
    assert amount <= balance, f"insufficient funds: {balance} < {amount}"
    return balance - amount
b = withdraw(100, 30)
print(b)
withdraw(b, 500)
