"""_csv: the CSV parser and writer under the csv module (CPython 3.13's _csv API, messages and results).

Dialect holds validated, immutable formatting parameters.  The reader runs a per-character state
machine over the lines its iterable yields; a record may span several lines when a quoted field
contains a line break.  Lines that cannot need it (no quote, escape, carriage return or inner line
feed, and a dialect that neither skips spaces nor converts fields) are split directly, with the same
result.  The writer joins a row into one string, quoting or escaping fields as the dialect says, and
passes it to the file's write().

Module state (the dialect registry and the field size limit) lives in this module's globals, so each
VM has its own.
"""

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL = range(6)

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "QUOTE_STRINGS", "QUOTE_NOTNULL",
           "Error", "Dialect", "__doc__", "get_dialect", "register_dialect", "unregister_dialect",
           "list_dialects", "field_size_limit", "reader", "writer", "__version__"]


class Error(Exception):
    pass


Error.__module__ = "_csv"

_dialects = {}
_limits = [128 * 1024]          # [field size limit]; a list so that functions can rebind the value

_FIELDS = ("delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting",
           "skipinitialspace", "strict")
_MISSING = object()


def _char_or_none(name, value, default, allow_none):
    if value is _MISSING:
        return default
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        what = "string or None" if allow_none else "string"
        raise TypeError('"%s" must be %s, not %s' % (name, what, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


def _check_char(name, c, lineterminator, allow_space):
    if c is None:
        return
    if c == '\r' or c == '\n' or (c == ' ' and not allow_space):
        raise ValueError("bad %s value" % name)
    if c in lineterminator:
        raise ValueError("bad %s or lineterminator value" % name)


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""
    __slots__ = _FIELDS

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in _FIELDS:
                raise TypeError("Dialect() got an unexpected keyword argument '%s'" % k)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            # A validated dialect with nothing to override is immutable: share it.
            if isinstance(dialect, Dialect) and not kwargs:
                return dialect
        vals = {}
        for name in _FIELDS:
            v = kwargs.get(name, _MISSING)
            if v is _MISSING and dialect is not None:
                v = getattr(dialect, name, _MISSING)
            vals[name] = v
        self = object.__new__(cls)
        delimiter = _char_or_none("delimiter", vals["delimiter"], ',', False)
        doublequote = True if vals["doublequote"] is _MISSING else bool(vals["doublequote"])
        escapechar = _char_or_none("escapechar", vals["escapechar"], None, True)
        lt = vals["lineterminator"]
        if lt is _MISSING:
            lineterminator = "\r\n"
        elif lt is None:
            lineterminator = None
        elif not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        else:
            lineterminator = lt
        quotechar = _char_or_none("quotechar", vals["quotechar"], '"', True)
        q = vals["quoting"]
        if q is _MISSING:
            quoting = QUOTE_MINIMAL
        elif type(q) is not int:
            raise TypeError('"quoting" must be an integer')
        else:
            quoting = q
        skipinitialspace = False if vals["skipinitialspace"] is _MISSING else bool(vals["skipinitialspace"])
        strict = False if vals["strict"] is _MISSING else bool(vals["strict"])
        if quoting not in (0, 1, 2, 3, 4, 5):
            raise TypeError('bad "quoting" value')
        # No quote character and no explicit quoting: nothing can be quoted.
        if vals["quotechar"] is None and vals["quoting"] is _MISSING:
            quoting = QUOTE_NONE
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        if lineterminator is None:
            raise TypeError("lineterminator must be set")
        _check_char("delimiter", delimiter, lineterminator, True)
        _check_char("escapechar", escapechar, lineterminator, not skipinitialspace)
        _check_char("quotechar", quotechar, lineterminator, not skipinitialspace)
        for n1, c1, n2, c2 in (("delimiter", delimiter, "escapechar", escapechar),
                               ("delimiter", delimiter, "quotechar", quotechar),
                               ("escapechar", escapechar, "quotechar", quotechar)):
            if c1 is not None and c1 == c2:
                raise ValueError("bad %s or %s value" % (n1, n2))
        set_ = object.__setattr__
        set_(self, "delimiter", delimiter)
        set_(self, "doublequote", doublequote)
        set_(self, "escapechar", escapechar)
        set_(self, "lineterminator", lineterminator)
        set_(self, "quotechar", quotechar)
        set_(self, "quoting", quoting)
        set_(self, "skipinitialspace", skipinitialspace)
        set_(self, "strict", strict)
        return self

    def __setattr__(self, name, value):
        if name in _FIELDS:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'" % name)

    def __delattr__(self, name):
        self.__setattr__(name, None)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' object")


Dialect.__module__ = "_csv"


def _call_dialect(args, kwargs, fname):
    """The Dialect for reader()/writer()'s (obj, [dialect]) arguments and format keywords."""
    if len(args) > 2:
        raise TypeError(" expected at most 2 arguments, got %d" % len(args))
    for k in kwargs:
        if k not in _FIELDS and k != "dialect":
            raise TypeError("this function got an unexpected keyword argument '%s'" % k)
    if len(args) == 2:
        if "dialect" in kwargs:
            raise TypeError("argument for %s() given by name ('dialect') and position (2)" % fname)
        return Dialect(args[1], **kwargs)
    return Dialect(**kwargs)


def register_dialect(name, dialect=None, **fmtparams):
    """Create a mapping from a string name to a dialect class."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    """Return the dialect instance associated with name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    """Return a list of all know dialect names."""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields; returns the old limit."""
    if kwargs:
        raise TypeError("field_size_limit() got an unexpected keyword argument '%s'" % next(iter(kwargs)))
    if len(args) > 1:
        raise TypeError("field_size_limit() takes at most 1 argument (%d given)" % len(args))
    old = _limits[0]
    if args:
        new = args[0]
        if not isinstance(new, int):
            raise TypeError("limit must be an integer")
        _limits[0] = new
    return old


# Reader states.
_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD, _ESCAPE_IN_QUOTED_FIELD, \
    _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL = range(9)

# The end-of-line event fed to the state machine after each line (no character equals it).
_EOL = ''


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, iterable, dialect):
        self._iter = iter(iterable)
        self.dialect = dialect
        self.line_num = 0
        d = dialect
        # Lines without these characters can be split at the delimiter directly.
        self._specials = tuple(c for c in (d.quotechar if d.quoting != QUOTE_NONE else None, d.escapechar,
                                           '\r', '\n') if c is not None)
        self._fast = not d.skipinitialspace and d.quoting not in (QUOTE_NONNUMERIC, QUOTE_STRINGS,
                                                                 QUOTE_NOTNULL)
        self._reset()

    def _reset(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._unquoted = True

    def __iter__(self):
        return self

    def _fast_split(self, line):
        """The record of a line that needs no state machine, or None."""
        body = line
        if body.endswith('\n'):
            body = body[:-1]
        if body.endswith('\r'):
            body = body[:-1]
        for c in self._specials:
            if c in body:
                return None
        if not body:
            return []
        fields = body.split(self.dialect.delimiter)
        limit = _limits[0]
        for f in fields:
            if len(f) > limit:
                return None     # the state machine raises the error at the right place
        return fields

    def __next__(self):
        self._reset()
        while True:
            try:
                line = next(self._iter)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data") from None
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s (the file should be opened in text mode)"
                            % type(line).__name__)
            self.line_num += 1
            if self._fast and self._state == _START_RECORD:
                fields = self._fast_split(line)
                if fields is not None:
                    return fields
            self._feed(line)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _save_field(self):
        quoting = self.dialect.quoting
        if self._unquoted and not self._field and quoting in (QUOTE_NOTNULL, QUOTE_STRINGS):
            field = None
        else:
            field = ''.join(self._field)
            if self._unquoted and self._field and quoting in (QUOTE_NONNUMERIC, QUOTE_STRINGS):
                field = float(field)
        self._field = []
        self._fields.append(field)

    def _feed(self, line):
        """Run the state machine over the characters of line and then the end-of-line event.  The
        state, the current field (a list of characters) and whether it is unquoted live in locals
        while a line is processed and in self._state/_field/_unquoted between lines."""
        d = self.dialect
        delim = d.delimiter
        quote = d.quotechar if d.quoting != QUOTE_NONE else None     # None: quotes are not special
        escape = d.escapechar
        skipspace = d.skipinitialspace
        limit = _limits[0]
        state = self._state
        field = self._field
        self._unquoted = unquoted = self._unquoted
        n = len(line)
        i = 0
        while i <= n:
            c = line[i] if i < n else _EOL
            i += 1
            if state == _START_RECORD:
                if c == _EOL:
                    continue                        # an empty line is an empty record
                if c == '\n' or c == '\r':
                    state = _EAT_CRNL
                    continue
                state = _START_FIELD
            if state == _START_FIELD:
                unquoted = True
                if c == '\n' or c == '\r' or c == _EOL:
                    self._unquoted = unquoted
                    self._save_field()
                    field = self._field
                    state = _START_RECORD if c == _EOL else _EAT_CRNL
                elif c == quote:
                    unquoted = False
                    state = _IN_QUOTED_FIELD
                elif c == escape:
                    state = _ESCAPED_CHAR
                elif c == ' ' and skipspace:
                    pass
                elif c == delim:
                    self._unquoted = unquoted
                    self._save_field()
                    field = self._field
                else:
                    if len(field) >= limit:
                        raise Error("field larger than field limit (%d)" % limit)
                    field.append(c)
                    state = _IN_FIELD
                continue
            if state == _ESCAPED_CHAR:
                if c == '\n' or c == '\r':
                    state = _AFTER_ESCAPED_CRNL
                else:
                    if c == _EOL:
                        c = '\n'
                    state = _IN_FIELD
                if len(field) >= limit:
                    raise Error("field larger than field limit (%d)" % limit)
                field.append(c)
                continue
            if state == _AFTER_ESCAPED_CRNL and c == _EOL:
                continue
            if state == _IN_FIELD or state == _AFTER_ESCAPED_CRNL:
                # (An ordinary character leaves the state as it is: after an escaped line break it
                # stays _AFTER_ESCAPED_CRNL, so the end of the line does not end the field, as in
                # CPython.)
                if c == '\n' or c == '\r' or c == _EOL:
                    self._unquoted = unquoted
                    self._save_field()
                    field = self._field
                    state = _START_RECORD if c == _EOL else _EAT_CRNL
                elif c == escape:
                    state = _ESCAPED_CHAR
                elif c == delim:
                    self._unquoted = unquoted
                    self._save_field()
                    field = self._field
                    state = _START_FIELD
                else:
                    if len(field) >= limit:
                        raise Error("field larger than field limit (%d)" % limit)
                    field.append(c)
                continue
            if state == _IN_QUOTED_FIELD:
                if c == _EOL:
                    pass
                elif c == escape:
                    state = _ESCAPE_IN_QUOTED_FIELD
                elif c == quote:
                    # With doublequote, the quote ends the quoted part unless another quote follows.
                    state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
                else:
                    if len(field) >= limit:
                        raise Error("field larger than field limit (%d)" % limit)
                    field.append(c)
                continue
            if state == _ESCAPE_IN_QUOTED_FIELD:
                if c == _EOL:
                    c = '\n'
                if len(field) >= limit:
                    raise Error("field larger than field limit (%d)" % limit)
                field.append(c)
                state = _IN_QUOTED_FIELD
                continue
            if state == _QUOTE_IN_QUOTED_FIELD:
                if c == quote:
                    if len(field) >= limit:
                        raise Error("field larger than field limit (%d)" % limit)
                    field.append(c)                 # "" stands for one "
                    state = _IN_QUOTED_FIELD
                elif c == delim:
                    self._unquoted = unquoted
                    self._save_field()
                    field = self._field
                    state = _START_FIELD
                elif c == '\n' or c == '\r' or c == _EOL:
                    self._unquoted = unquoted
                    self._save_field()
                    field = self._field
                    state = _START_RECORD if c == _EOL else _EAT_CRNL
                elif not d.strict:
                    if len(field) >= limit:
                        raise Error("field larger than field limit (%d)" % limit)
                    field.append(c)
                    state = _IN_FIELD
                else:
                    raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
                continue
            # state == _EAT_CRNL
            if c == '\n' or c == '\r':
                pass
            elif c == _EOL:
                state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")
        self._state = state
        self._unquoted = unquoted


Reader.__name__ = Reader.__qualname__ = "reader"
Reader.__module__ = "_csv"


def _is_number(v):
    t = type(v)
    return hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, write, dialect):
        self._write = write
        self.dialect = dialect

    def _join_field(self, out, field, quoted, first):
        """Append the field (None for an empty one) to the list out, quoted as needed."""
        d = self.dialect
        if not first:
            out.append(d.delimiter)
        if not field:
            if d.delimiter == ' ' and d.skipinitialspace and not quoted:
                # An unquoted empty field would vanish into the spaces a reader skips.
                if d.quoting == QUOTE_NONE or (field is None and d.quoting in (QUOTE_STRINGS, QUOTE_NOTNULL)):
                    raise Error("empty field must be quoted if delimiter is a space and skipinitialspace is true")
                quoted = True
            if quoted:
                out.append(d.quotechar + d.quotechar)
            return
        quotechar = d.quotechar
        escapechar = d.escapechar
        specials = (d.delimiter, escapechar, quotechar, '\n', '\r')
        lt = d.lineterminator
        for c in specials:
            if c is not None and c in field:
                break
        else:
            for c in lt:
                if c in field:
                    break
            else:
                # Nothing to quote or escape: the field goes out as it is.
                if quoted:
                    out.append(quotechar)
                    out.append(field)
                    out.append(quotechar)
                else:
                    out.append(field)
                return
        buf = []
        for c in field:
            if c in specials or c in lt:
                want_escape = False
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == quotechar:
                        if d.doublequote:
                            buf.append(quotechar)
                        else:
                            want_escape = True
                    elif c == escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    buf.append(escapechar)
            buf.append(c)
        if quoted:
            out.append(quotechar)
            out.extend(buf)
            out.append(quotechar)
        else:
            out.extend(buf)

    def writerow(self, row):
        """Construct and write a CSV record from an iterable of fields."""
        try:
            it = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        d = self.dialect
        quoting = d.quoting
        out = []
        nfields = 0
        null_field = False
        for field in it:
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            elif quoting == QUOTE_ALL:
                quoted = True
            elif quoting == QUOTE_STRINGS:
                quoted = isinstance(field, str)
            elif quoting == QUOTE_NOTNULL:
                quoted = field is not None
            else:
                quoted = False
            null_field = field is None
            if null_field:
                text = None
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            self._join_field(out, text, quoted, nfields == 0)
            nfields += 1
        if nfields == 1 and not out:
            # A record of one empty field must be quoted, or it would read back as no fields.
            if quoting == QUOTE_NONE or (null_field and quoting in (QUOTE_STRINGS, QUOTE_NOTNULL)):
                raise Error("single empty field record must be quoted")
            out.append(d.quotechar + d.quotechar)
        out.append(d.lineterminator)
        return self._write(''.join(out))

    def writerows(self, rows):
        """Construct and write a series of iterables to a csv file."""
        for row in rows:
            self.writerow(row)


Writer.__name__ = Writer.__qualname__ = "writer"
Writer.__module__ = "_csv"


def reader(*args, **kwargs):
    """csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)
"""
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    it = iter(args[0])
    return Reader(it, _call_dialect(args, kwargs, "reader"))


def writer(*args, **kwargs):
    """csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)
"""
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    write = getattr(args[0], "write", None)
    if write is None or not callable(write):
        raise TypeError('argument 1 must have a "write" method')
    return Writer(write, _call_dialect(args, kwargs, "writer"))
