# __cause__, __context__, __suppress_context__ and raise ... from ...
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        int("x")
    except ValueError:
        raise TypeError("no context") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise IndexError("direct") from KeyError("cause")
except IndexError as e:
    print(repr(e), repr(e.__cause__), e.__context__)
def deep():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError:
            raise KeyError("c")
try:
    deep()
except KeyError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
e1 = ValueError("manual")
e1.__cause__ = KeyError("k")
print(repr(e1.__cause__), e1.__suppress_context__)
try:
    try:
        raise ValueError("first")
    finally:
        print("finally before propagate")
except ValueError as e:
    print(repr(e), e.__context__)
