# Control flow at module level: del, pass, global statements, conditional definitions, loops with try.
a = 1
b = [1, 2, 3]
del a
try:
    a
except NameError as e:
    print(type(e).__name__, e)
del b[0], b[-1]
print(b)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
class C:
    z = 1
del C.z
print(hasattr(C, "z"))
if True:
    def defined_in_if():
        return "yes"
print(defined_in_if())
x, y = 1, 2
del x, y
print("x" in dir(), "y" in dir())
for i in range(3):
    try:
        if i == 1:
            raise ValueError
    except ValueError:
        print("handled", i)
        continue
    finally:
        print("finally", i)
    print("body end", i)
lst = [1, 2]
try:
    del lst[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
