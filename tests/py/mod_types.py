import types
for n in ("FunctionType", "LambdaType", "CodeType", "MethodType", "BuiltinFunctionType",
          "BuiltinMethodType", "GeneratorType", "ModuleType", "TracebackType", "FrameType",
          "MappingProxyType", "SimpleNamespace", "GenericAlias", "NoneType", "NotImplementedType",
          "EllipsisType", "CellType", "MethodWrapperType", "WrapperDescriptorType",
          "MethodDescriptorType", "ClassMethodDescriptorType", "GetSetDescriptorType",
          "MemberDescriptorType", "UnionType"):
    v = getattr(types, n)
    print(n, isinstance(v, type))
print(types.NoneType is type(None), types.EllipsisType is type(...), types.FunctionType is type(lambda: 0))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns.a)
print(types.SimpleNamespace({"q": 2}, r=3))
del ns.a
print(ns, vars(ns))
m = types.ModuleType("mymod", "docs")
exec("x = 41\ndef f(): return x + 1", m.__dict__)
print(m.f(), m, m.__doc__, m.__name__)
m2 = types.ModuleType("bare")
print(m2.__doc__, m2.__dict__.get("__spec__", "nospec"), repr(m2))
try: types.ModuleType()
except TypeError as e: print(e)
try: types.ModuleType(3)
except TypeError as e: print(e)
C = types.new_class("C", (object,), {}, lambda ns: ns.update(z=5))
print(C.z, C.__name__)
meta, ns2, kw = types.prepare_class("D", (), {"metaclass": type, "x": 1}); print(meta, ns2, kw)
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType))
def gen(): yield
print(isinstance(gen(), types.GeneratorType), types.MethodType(lambda self: self, 5)())
bm = types.MethodType(lambda self, k: (self, k), "obj")
print(bm(2), bm.__self__)
try: types.MethodType(3, 4)
except TypeError as e: print(e)
class E:
    @types.DynamicClassAttribute
    def name(self): return "inst"
print(E().name)
try: E.name
except AttributeError: print("AttributeError")
print(types.get_original_bases(C), types.resolve_bases((int,)))
# CPython names the static type 'types.SimpleNamespace' in this message; ours is a class in types.py
try: hash(ns)
except TypeError as e: print(type(e).__name__, ns.__hash__)
mp = types.MappingProxyType({"k": 1})
print(mp["k"], list(mp), len(mp))
try: mp["k"] = 2
except TypeError as e: print(e)
for bad in ([1], (1,), 5):
    try: types.MappingProxyType(bad)
    except TypeError as e: print(e)
print(types.MappingProxyType(mp), dict(types.MappingProxyType({1: 2})))
