# Uncaught NameError for a name with no close match (so CPython adds no suggestion).
def compute():
    return 42 * qqqqqqqq_unknown
print("computing")
compute()
