import sys
def inner(a, b=2):
    c = a + b
    return sys._getframe()
def outer():
    x = 10
    return inner(x), sys._getframe(0)
f, o = outer()
print(f.f_code.co_name, f.f_lineno, sorted(f.f_locals), f.f_locals["c"], f.f_back.f_code.co_name, f.f_back.f_lineno)
print(f.f_back.f_locals, f.f_back.f_back.f_code.co_name, f.f_back.f_back.f_back, f.f_globals is globals())
print(o.f_code.co_name, sys._getframe().f_code.co_name, sys._getframe().f_locals is globals())
try: sys._getframe(100)
except ValueError as e: print(e)
def gen():
    yield sys._getframe().f_back.f_code.co_name
def caller(): return next(gen())
print(caller())
class K:
    fr = sys._getframe()
    print(fr.f_code.co_name, "fr" not in fr.f_locals, fr.f_back.f_code.co_name)
def rec(n): return sys._getframe() if n == 0 else rec(n - 1)
d = 0
fr = rec(50)
while fr: d += 1; fr = fr.f_back
print(d, f.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
try:
    1 / 0
except ZeroDivisionError as e:
    tf = e.__traceback__.tb_frame
    print(tf.f_code.co_name)
# snapshots: what the caller chain looked like at the call
def level2(): return [fr.f_code.co_name for fr in iter(lambda st=[sys._getframe()]: st.pop() if st else None, None)]
def walk():
    names = []
    fr = sys._getframe(1)  # (the current frame itself: a snapshot, its line would stay at this call)
    while fr is not None:
        names.append((fr.f_code.co_name, fr.f_lineno))
        fr = fr.f_back
    return names
def a(): return walk()
def b(): return a()
print(b())
print(sys._getframe(1) if False else sys._getframe().f_back)
