# try/except/else/finally flow, tuples of types, bare except, re-raise.
def attempt(f):
    try:
        r = f()
    except (ValueError, TypeError) as e:
        print("caught", type(e).__name__, e)
    except ZeroDivisionError:
        print("zero")
    except:
        print("bare except")
    else:
        print("else", r)
    finally:
        print("finally")
attempt(lambda: int("x"))
attempt(lambda: 1 / 0)
attempt(lambda: [][1])
attempt(lambda: len(5))
attempt(lambda: 42)
def reraise():
    try:
        {}["k"]
    except KeyError:
        print("logging")
        raise
try:
    reraise()
except KeyError as e:
    print("outer", repr(e))
try:
    try:
        raise ValueError("inner")
    finally:
        print("cleanup")
except ValueError as e:
    print("after cleanup", e)
def nested():
    try:
        try:
            raise TypeError("t")
        except ValueError:
            print("wrong handler")
    except TypeError as e:
        return "outer handler: " + str(e)
print(nested())
e = None
try:
    raise ValueError("bound")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print(type(ne).__name__, ne)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
while True:
    try:
        break
    finally:
        print("finally on break")
x = 0
try:
    x = 1
except Exception:
    x = 2
else:
    x += 10
finally:
    x += 100
print(x)
