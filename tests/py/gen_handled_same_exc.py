# A generator thrown the very exception its caller is handling, which it then handles itself and
# suspends inside its handler: on resumption its bare `raise` must still see that exception (the
# generator's handled exception is its own, even when it is the same object as the caller's).
def g():
    try:
        yield 1
    except ValueError:
        yield "in handler"
        print("re-raising", end=": ")
        raise


e = ValueError("same object")
it = g()
next(it)
try:
    raise e
except ValueError:
    print(it.throw(e))
try:
    next(it)
except ValueError as x:
    print("re-raised", x is e)


def delegating():
    # the same through `yield from` (the delegate runs inline above its delegator)
    r = yield from g()
    return r


e2 = KeyError("k")
it = delegating()
next(it)
try:
    raise e2
except KeyError:
    try:
        it.throw(e2)
    except KeyError as x:
        print("not handled by g:", x is e2)

it = delegating()
next(it)
try:
    raise e
except ValueError:
    print(it.throw(e))
try:
    next(it)
except ValueError as x:
    print("re-raised through yield from", x is e)


def finally_case():
    try:
        yield 1
    finally:
        yield "in finally"
        print("finally done")


it = finally_case()
next(it)
try:
    raise e
except ValueError:
    print(it.throw(e))
try:
    next(it)
except ValueError as x:
    print("finally re-raised", x is e)
