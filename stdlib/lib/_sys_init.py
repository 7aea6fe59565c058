# Run at start-up in the namespace of the sys module: the struct-like values of sys.
# Names starting with an underscore that are only helpers are deleted at the end.

class _StructSeq(tuple):
    """A tuple whose items are also attributes, like CPython's struct sequences."""
    _fields = ()
    _name = ''

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        parts = []
        for name, value in zip(self._fields, self):
            parts.append(name + '=' + repr(value))
        return self._name + '(' + ', '.join(parts) + ')'


def _struct_seq(name, fields, values):
    ns = {'_fields': fields, '_name': name, '__slots__': ()}
    for i, field in enumerate(fields):
        ns[field] = property(lambda self, i=i: tuple.__getitem__(self, i))
    cls = type(name.rpartition('.')[2], (_StructSeq,), ns)
    return cls(values)


class _SimpleNamespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = ', '.join(k + '=' + repr(v) for k, v in self.__dict__.items())
        return 'namespace(' + items + ')'


version_info = _struct_seq('sys.version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'),
                           (3, 13, 0, 'final', 0))

implementation = _SimpleNamespace(name='krait', cache_tag='krait-01',
                                  version=_struct_seq('sys.version_info',
                                                      ('major', 'minor', 'micro', 'releaselevel', 'serial'),
                                                      (0, 1, 0, 'alpha', 0)),
                                  hexversion=0x000100A0, _multiarch='x86_64-linux-gnu')

flags = _struct_seq('sys.flags',
                    ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site',
                     'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization',
                     'isolated', 'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path',
                     'int_max_str_digits', 'gil'),
                    (0, 0, 0, 0, int(dont_write_bytecode), 0, 0, 0, 0, 0, 0, 0 if _hash_seed is not None else 1, 0,
                     False, 1, 0, False,
                     get_int_max_str_digits(), 1))

float_info = _struct_seq('sys.float_info',
                         ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig',
                          'epsilon', 'radix', 'rounds'),
                         (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
                          2.220446049250313e-16, 2, 1))

int_info = _struct_seq('sys.int_info',
                       ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'),
                       (64, 8, 4300, 640))

del _StructSeq, _struct_seq, _SimpleNamespace, _hash_seed
