"""_structseq: a tuple subclass with named fields, as the C "struct sequences" of CPython
(pwd.struct_passwd, grp.struct_group, ...).  make(module, name, fields) builds one class."""


def make(module, name, fields):
    n = len(fields)
    qual = '%s.%s' % (module, name)

    def __new__(cls, sequence=(), dict=None):
        items = tuple(sequence)
        if len(items) != n:
            raise TypeError('%s() takes a %d-sequence (%d-sequence given)' % (qual, n, len(items)))
        return tuple.__new__(cls, items)

    def __repr__(self):
        return qual + '(' + ', '.join('%s=%r' % (f, v) for f, v in zip(fields, self)) + ')'

    def __reduce__(self):
        return (type(self), (tuple(self),))

    ns = {'__new__': __new__, '__repr__': __repr__, '__reduce__': __reduce__, '__slots__': (),
          'n_fields': n, 'n_sequence_fields': n, 'n_unnamed_fields': 0, '__module__': module,
          '__match_args__': tuple(fields)}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
    return type(name, (tuple,), ns)
