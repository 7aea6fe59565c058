# assert statement with and without messages.
def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(type(e).__name__, e.args)
assert True, "never"
assert 1 == 1
calls = []
def msg():
    calls.append(1)
    return "m"
assert True, msg()
print("message not evaluated:", calls)
