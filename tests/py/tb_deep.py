# A traceback through twelve recursive frames (all printed: each line differs by argument only).
def countdown(n):
    if n == 0:
        raise OverflowError("reached zero")
    return countdown(n - 1)
countdown(12)
