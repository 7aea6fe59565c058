# Function objects: attributes, docstrings, annotations, __defaults__, introspection.
def documented(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> list:
    """The docstring.

    More lines."""
    return [a, b, c]
print(documented.__name__, documented.__qualname__, documented.__doc__.splitlines()[0])
print(documented.__defaults__, documented.__kwdefaults__)
print(documented(1), documented(2, "y", 1.5, c=False, extra={}))
def nodoc():
    pass
print(nodoc.__doc__, nodoc(), nodoc.__module__)
class Outer:
    def method(self):
        def inner():
            pass
        return inner
print(Outer.method.__qualname__, Outer().method().__qualname__, Outer.method.__name__)
documented.custom = 42
print(documented.custom, hasattr(documented, "custom"), getattr(documented, "missing", "dflt"))
x: int = 5
y: list
print(x, "y" in globals())
def f():
    z: int = 3
    return z
print(f())
print(type(f).__name__, f.__class__.__name__)
