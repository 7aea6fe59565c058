# raise ... from None hides the context in the traceback.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("no such key: %r" % (k,)) from None
print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "b")
