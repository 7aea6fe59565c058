# dir() of instances and exceptions whose attributes live in shapes lists the same names as CPython
# (read from the shape chain, without moving the object to dict mode), after adds, deletes and __dict__ use.
class A:
    def __init__(self): self.x = 1; self.y = 2
class E(Exception):
    def __init__(self, c): super().__init__(c); self.code = c
a = A()
print([n for n in dir(a) if not n.startswith('__')])
a.z = 3
print([n for n in dir(a) if not n.startswith('__')], a.__dict__)
del a.x
print([n for n in dir(a) if not n.startswith('__')])
e = E(5)
print([n for n in dir(e) if not n.startswith('__')], e.code, e.args)
class S:
    __slots__ = ('p', 'q')
s = S(); s.p = 1
print([n for n in dir(s) if not n.startswith('__')])
b = A(); b.__dict__['w'] = 9
print([n for n in dir(b) if not n.startswith('__')])
