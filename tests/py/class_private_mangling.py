# Private name mangling: __x inside a class body (and what it contains) is _Class__x


class A:
    __secret = 'class-level'

    def __init__(self):
        self.__x = 1
        self.__y__ = 'dunder: not mangled'
        self._single = 'single underscore: not mangled'

    def get(self):
        return self.__x, self.__secret, A.__secret

    def __hidden(self):
        return 'hidden'

    def call_hidden(self):
        return self.__hidden()

    def params(self, __p=1, **kw):
        return __p, kw

    def keywords(self):
        # keyword argument names are not mangled
        return self.params(__p=5), dict(__k=1)

    __lam = lambda self, __a=2: __a
    __comp = [__i * 2 for __i in range(3)]

    class __Inner:
        __v = 'inner'

        def get(self):
            return self.__v

    def inner(self):
        return self.__Inner().get()

    def handler(self):
        try:
            raise ValueError('boom')
        except ValueError as __e:
            return str(__e)

    def walrus(self):
        if (__w := 10) > 5:
            return __w

    def matcher(self, value):
        match value:
            case [__first, *__rest]:
                return __first, __rest
            case {'k': __v, **__others}:
                return __v, __others
        return None


a = A()
print(sorted(k for k in vars(a)))
print(sorted(k for k in A.__dict__ if k.startswith('_A')))
print(a.get(), a.call_hidden(), a.keywords(), a._A__lam(), A._A__comp)
print(a.inner(), A._A__Inner.__name__, A._A__Inner.__qualname__, '_Inner__v' in A._A__Inner.__dict__)
print(a.handler(), a.walrus(), a.matcher([1, 2, 3]), a.matcher({'k': 'v', 'z': 0}))
print(A.params.__code__.co_varnames, A._A__hidden.__name__, A._A__hidden.__qualname__)
print(hasattr(a, '__x'), a._A__x, a.__y__, a._single)
try:
    a.__x
except AttributeError as e:
    print('AttributeError', e)


class B(A):
    def get_b(self):
        # B's __x is _B__x: a different attribute from A's
        self.__x = 'b'
        return self.__x, self._A__x


print(B().get_b())


class _Underscores:
    def f(self):
        self.__z = 1
        return sorted(vars(self))


class __Dunder_Named:
    def f(self):
        self.__z = 1
        return sorted(vars(self))


class ___:
    def f(self):
        self.__z = 1
        return sorted(vars(self))


print(_Underscores().f(), __Dunder_Named().f(), ___().f())

__module_level = 'module'
_C__module_level = 'mangled global'


class C:
    def f(self):
        return __module_level

    def g(self):
        global __gset
        __gset = 'set via global'


print(C().f())
C().g()
print(_C__gset)


def outer():
    __local = 'outer local'

    class D:
        def f(self):
            return __local
    return D


try:
    outer()().f()
except NameError as e:
    print('NameError', e)


class S:
    __slots__ = ('__a', 'b')

    def __init__(self):
        self.__a = 'slot'
        self.b = 'b'

    def get(self):
        return self.__a


print(S().get(), S.__slots__, sorted(k for k in S.__dict__ if 'a' in k and not k.startswith('__')))


class E:
    def nested(self):
        def inner():
            return self.__q
        self.__q = 'nested function'
        return inner()

    def gen(self):
        self.__g = 3
        yield from (self.__g + i for i in range(2))


print(E().nested(), list(E().gen()))
print(getattr(A, '_A__secret'), A.__dict__.get('__secret'))
