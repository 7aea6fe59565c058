# unittest.mock basics: Mock/MagicMock calls and children, call records (call_args, mock_calls,
# method_calls), the assert_* methods and their messages, side_effect (exception, iterable,
# callable, DEFAULT), wraps, magic methods, spec, configure_mock/reset_mock, call/ANY/sentinel,
# patch as context manager/decorator/start-stop, patch.object, patch.dict, PropertyMock.
import sys, os
from unittest import mock
import re
def clean(s):
    return re.sub(r"id='\d+'", "id=ID", str(s))
m = mock.Mock()
print(clean(repr(m)), clean(repr(m.foo)), clean(repr(m.foo.bar())), clean(repr(m())))
m = mock.Mock(return_value=3)
print(m(1, 2, a=3), m.call_count, m.called, m.call_args, m.call_args_list, m.call_args.args, m.call_args.kwargs)
m.assert_called_with(1, 2, a=3)
m.assert_called_once_with(1, 2, a=3)
m.assert_any_call(1, 2, a=3)
for f in (lambda: m.assert_called_with(1), lambda: m.assert_not_called(), lambda: mock.Mock().assert_called_with(5),
          lambda: mock.Mock(name='nm').assert_called(), lambda: m.assert_any_call(9), lambda: mock.Mock().assert_called_once_with(),
          lambda: m.assert_has_calls([mock.call(2)]), lambda: m.assret_called(), lambda: m.assert_called_once()):
    try: f(); print('ok')
    except AssertionError as e: print('AssertionError', e)
    except AttributeError as e: print('AttributeError', e)
m(4); 
try: m.assert_called_once()
except AssertionError as e: print('AssertionError', e)
m = mock.Mock()
m.a.b(1); m.c(2); m(3); m().d(4); m.a(5).e(6)
print(m.mock_calls)
print(m.method_calls)
print(m.a.mock_calls, m.a.method_calls)
print(m.mock_calls == [mock.call.a.b(1), mock.call.c(2), mock.call(3), mock.call(), mock.call().d(4), mock.call.a(5), mock.call.a().e(6)])
m.assert_has_calls([mock.call.c(2), mock.call(3)])
m.assert_has_calls([mock.call(3), mock.call.c(2)], any_order=True)
m = mock.Mock(side_effect=[1, 2, KeyError('k')])
print(m(), m())
try: m()
except KeyError as e: print('KeyError', e)
try: m()
except StopIteration: print('StopIteration')
m = mock.Mock(side_effect=ValueError('v'))
try: m()
except ValueError as e: print('ValueError', e)
m = mock.Mock(side_effect=lambda x: x * 2); print(m(21))
m = mock.Mock(side_effect=lambda x: mock.DEFAULT, return_value=7); print(m(1))
m = mock.Mock(wraps=lambda x: x + 1); print(m(1), m.call_count)
m = mock.MagicMock()
print(len(m), list(m), 3 in m, bool(m), int(m), float(m), m[1] is m.__getitem__.return_value, str(m) == object.__str__(m))
m.__len__.return_value = 5; m.__iter__.return_value = [1, 2]; m.__getitem__.side_effect = lambda k: k * 10
print(len(m), list(m), m[4], len(mock.MagicMock()))
with m as x: print(x is m)
print(m == m, m == 1, m != 1)
m = mock.Mock(spec=['alpha', 'beta'])
print(clean(m.alpha))
try: m.gamma
except AttributeError as e: print('AttributeError', e)
class Thing:
    def method(self, a): pass
    attr = 1
m = mock.Mock(spec=Thing); print(isinstance(m, Thing))
try: m.nope
except AttributeError as e: print('AttributeError', e)
m = mock.Mock(**{'method.return_value': 3, 'other.side_effect': KeyError}); print(m.method())
m.reset_mock(); print(m.method.call_count, m.mock_calls)
print(mock.sentinel.foo, mock.sentinel.foo is mock.sentinel.foo, mock.ANY == 3, mock.call(1, mock.ANY) == mock.call(1, 'x'), repr(mock.ANY))
print(mock.call(1, a=2), mock.call.x.y(3), mock.call().z, repr(mock.DEFAULT))
import os.path
with mock.patch('os.path.exists', return_value=True) as p:
    print(os.path.exists('/nonexistent/zz'), p.call_args)
print(os.path.exists('/nonexistent/zz'))
@mock.patch('os.getcwd')
def f(a, mocked):
    mocked.return_value = '/fake'
    return a, os.getcwd()
print(f(1), os.getcwd() != '/fake')
with mock.patch.object(Thing, 'attr', 42):
    print(Thing.attr)
print(Thing.attr)
d = {'a': 1}
with mock.patch.dict(d, {'b': 2}, c=3):
    print(sorted(d.items()))
print(d)
with mock.patch.dict(d, clear=True): print(d)
print(d)
p = mock.patch('os.sep', '!'); p.start(); print(os.sep); p.stop(); print(os.sep)
try:
    with mock.patch.object(Thing, 'nothing_here'): pass
except AttributeError as e: print('AttributeError', e)
with mock.patch.object(Thing, 'nothing_here', create=True, new='x'): print(Thing.nothing_here)
print(hasattr(Thing, 'nothing_here'))
try:
    mock.patch('nodots')
except TypeError as e: print('TypeError', e)
class P:
    @property
    def x(self): return 1
with mock.patch.object(P, 'x', new_callable=mock.PropertyMock) as pm:
    pm.return_value = 9
    obj = P(); print(obj.x); obj.x = 4; print(pm.mock_calls)
print(P().x)
m = mock.MagicMock(); m.x.y.return_value = 3; print(m.x.y(), m.x.y.called, clean(m.x))
m = mock.Mock(); child = mock.Mock(); m.attach_mock(child, 'kid'); child(1); print(m.mock_calls)
m = mock.Mock(); m.attr = mock.Mock(); m.attr(2); print(m.mock_calls, m.method_calls)
m = mock.Mock(); m.x = 5; print(m.x); del m.y
try: m.y
except AttributeError: print('deleted y')
